# Federation for one repository, restricted to its default branch, with an image-build trigger.
module "github_cicd" {
  source = "../.."

  project_id                 = var.project_id
  region                     = "europe-west1"
  environment                = "prod"
  github_repository          = "acme/data-platform"
  github_repository_id       = "123456789"
  restrict_to_default_branch = true
  state_bucket               = "acme-tfstate"
  plan_bucket_name           = "${var.project_id}-dc-plans"
  source_bucket_name         = "${var.project_id}-dc-build-sources"
  logs_bucket_name           = "${var.project_id}-dc-build-logs"

  build_triggers = {
    ingest-image = {
      description    = "Build and deploy the ingest image"
      filename       = "cloudbuild/ingest-image.yaml"
      included_files = ["src/**", "Dockerfile"]
    }
  }
}

variable "project_id" {
  type        = string
  description = "Project to deploy the example into."
}

output "workload_identity_provider" {
  description = "For google-github-actions/auth."
  value       = module.github_cicd.workload_identity_provider
}
