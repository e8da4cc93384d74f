variable "project_id" {
  type        = string
  description = "Project that holds the identities, buckets, Artifact Registry repository and Cloud Build triggers."
}

variable "region" {
  type        = string
  description = "Region of the Artifact Registry repository, the buckets and the Cloud Build triggers."
}

variable "environment" {
  type        = string
  description = "Environment name, used in names and labels. One of: dev, staging, prod."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of: dev, staging, prod."
  }
}

variable "github_repository" {
  type        = string
  description = "The only GitHub repository (owner/name) whose workflows may federate, e.g. acme/data-platform."

  validation {
    condition     = can(regex("^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$", var.github_repository))
    error_message = "github_repository must be owner/name, e.g. acme/data-platform."
  }
}

variable "github_repository_id" {
  type        = string
  description = "Numeric GitHub repository id. When set, the provider also pins it, so a deleted and re-created repository of the same name cannot federate. Null pins the name only."
  default     = null

  validation {
    condition     = var.github_repository_id == null || can(regex("^[0-9]+$", var.github_repository_id))
    error_message = "github_repository_id must be the numeric repository id (GET /repos/OWNER/NAME → id)."
  }
}

variable "default_branch" {
  type        = string
  description = "Default branch of the repository; only workflows on it may start applies."
  default     = "main"
}

variable "restrict_to_default_branch" {
  type        = bool
  description = "Also pin the provider's attribute_condition to the default branch: only tokens from pushes to it, or from pull requests targeting it, are accepted. Use true for prod."
  default     = false
}

variable "pool_id" {
  type        = string
  description = "Workload Identity pool id."
  default     = "github"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{3,31}$", var.pool_id))
    error_message = "pool_id must be 4-32 lowercase letters, digits or '-', starting with a letter."
  }
}

variable "state_bucket" {
  type        = string
  description = "Existing bucket holding Terraform state (created before Terraform can run); the planner and the deployer get object access to it."
}

variable "plan_bucket_name" {
  type        = string
  description = "Name of the bucket for reviewed plans (the plan action's plan-bucket)."
}

variable "source_bucket_name" {
  type        = string
  description = "Name of the bucket the apply action uploads the workspace to for Cloud Build (source-bucket)."
}

variable "logs_bucket_name" {
  type        = string
  description = "Name of the bucket Cloud Build writes build logs to; the apply action streams them from here."
}

variable "plan_retention_days" {
  type        = number
  description = "Days reviewed plans, uploaded sources and build logs are kept."
  default     = 30

  validation {
    condition     = var.plan_retention_days >= 1
    error_message = "plan_retention_days must be at least 1."
  }
}

variable "artifact_repository_id" {
  type        = string
  description = "Artifact Registry (Docker) repository for the ingest image."
  default     = "dc-pipeline"

  validation {
    condition     = can(regex("^[a-z]([a-z0-9-]*[a-z0-9])?$", var.artifact_repository_id))
    error_message = "artifact_repository_id must be lowercase letters, digits and '-', starting with a letter."
  }
}

variable "keep_image_versions" {
  type        = number
  description = "Artifact Registry cleanup: keep this many most recent image versions, delete older untagged ones."
  default     = 20
}

variable "planner_project_roles" {
  type        = list(string)
  description = "Read-only project roles of the planner (terraform plan refreshes every managed resource and its IAM policy)."
  default     = ["roles/viewer", "roles/iam.securityReviewer"]

  validation {
    condition     = length(setintersection(var.planner_project_roles, ["roles/owner", "roles/editor"])) == 0
    error_message = "planner_project_roles must not contain roles/owner or roles/editor."
  }
}

variable "deployer_project_roles" {
  type        = list(string)
  description = "Project roles of the deployer Cloud Build runs terraform apply as: what it takes to create the resources of these modules. Predefined roles only; roles/owner and roles/editor are refused. Acting as the runtime service accounts is granted on each of them by the modules that create them (deployer_member), not here."
  default = [
    "roles/artifactregistry.admin",
    "roles/bigquery.admin",
    "roles/cloudbuild.builds.editor",
    "roles/cloudscheduler.admin",
    "roles/dataflow.admin",
    "roles/eventarc.admin",
    "roles/iam.serviceAccountAdmin",
    "roles/iam.workloadIdentityPoolAdmin",
    "roles/logging.configWriter",
    "roles/logging.logWriter",
    "roles/monitoring.admin",
    "roles/pubsub.admin",
    "roles/resourcemanager.projectIamAdmin",
    "roles/run.admin",
    "roles/storage.admin",
  ]

  validation {
    condition     = length(setintersection(var.deployer_project_roles, ["roles/owner", "roles/editor"])) == 0
    error_message = "deployer_project_roles must not contain roles/owner or roles/editor."
  }
}

variable "build_triggers" {
  type = map(object({
    description    = string
    filename       = string
    branch         = optional(string, "^main$")
    included_files = optional(list(string), [])
    substitutions  = optional(map(string), {})
  }))
  description = "Optional Cloud Build triggers on pushes to the GitHub repository (needs the Cloud Build GitHub app connected), keyed by trigger name, e.g. { ingest-image = { description = \"…\", filename = \"cloudbuild/ingest-image.yaml\" } }. They run as the deployer."
  default     = {}

  validation {
    condition     = alltrue([for k, _ in var.build_triggers : can(regex("^[a-z][a-z0-9-]{0,62}$", k))])
    error_message = "build_triggers keys must be lowercase letters, digits and '-', starting with a letter (at most 63)."
  }
}

variable "build_trigger_location" {
  type        = string
  description = "Location of the Cloud Build triggers. GitHub-app (1st gen) triggers are created in \"global\"; use a region only with a repository connection that supports it."
  default     = "global"
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to destroy non-empty buckets (force_destroy = false). Turn off only to tear an environment down."
  default     = true
}

variable "labels" {
  type        = map(string)
  description = "Labels added to the buckets and the repository."
  default     = {}
}
