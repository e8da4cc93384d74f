# The demo root as a pull request changes it: one of each kind of change the plan comment shows —
# update, replace (both orders), delete, create, move, forget, a sensitive value and a check.
terraform {
  required_version = ">= 1.7"
}

variable "db_password" {
  type        = string
  description = "A secret the plan must never show."
  sensitive   = true
  default     = "demo-new-password-do-not-use"
}

resource "terraform_data" "bucket" {
  input = {
    name       = "raw-data"
    versioning = true
    labels     = { team = "data", cost-center = "analytics" }
  }
}

resource "terraform_data" "schema" {
  input            = "v2"
  triggers_replace = "v2"
}

resource "terraform_data" "schema_cbd" {
  triggers_replace = "v2"
  lifecycle {
    create_before_destroy = true
  }
}

resource "terraform_data" "tables" {
  for_each = toset(["events", "users", "orders"])
  input    = each.key
}

moved {
  from = terraform_data.old_name
  to   = terraform_data.renamed
}

resource "terraform_data" "renamed" {
  input = "renamed in the PR"
}

removed {
  from = terraform_data.forgotten
  lifecycle {
    destroy = false
  }
}

resource "terraform_data" "credentials" {
  input = var.db_password
}

check "bucket_naming" {
  assert {
    condition     = length(terraform_data.bucket.input.name) > 3
    error_message = "Bucket names must be longer than three characters."
  }
}

output "bucket_name" {
  description = "Name of the bucket."
  value       = terraform_data.bucket.output.name
}

output "db_password" {
  description = "Passed on to the service; sensitive, so never shown."
  value       = var.db_password
  sensitive   = true
}
