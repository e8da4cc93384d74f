# The demo root as it is on main (already applied). scripts/demo/plan.js applies this first, then plans
# ../proposed, which is what a pull request would change it to. Only terraform_data: no provider, no cloud.
terraform {
  required_version = ">= 1.7"
}

variable "db_password" {
  type        = string
  description = "A secret the plan must never show."
  sensitive   = true
  default     = "demo-old-password-do-not-use"
}

resource "terraform_data" "bucket" {
  input = {
    name       = "raw-data"
    versioning = false
    labels     = { team = "data" }
  }
}

resource "terraform_data" "schema" {
  input            = "v1"
  triggers_replace = "v1"
}

resource "terraform_data" "schema_cbd" {
  triggers_replace = "v1"
  lifecycle {
    create_before_destroy = true
  }
}

resource "terraform_data" "legacy" {
  input = "scheduled for deletion"
}

resource "terraform_data" "tables" {
  for_each = toset(["events", "users"])
  input    = each.key
}

resource "terraform_data" "old_name" {
  input = "renamed in the PR"
}

resource "terraform_data" "forgotten" {
  input = "handed over to another root"
}

resource "terraform_data" "credentials" {
  input = var.db_password
}

output "bucket_name" {
  description = "Name of the bucket."
  value       = terraform_data.bucket.output.name
}
