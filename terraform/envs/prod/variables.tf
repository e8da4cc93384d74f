variable "project_id" {
  type        = string
  description = "Project of this environment."
}

variable "region" {
  type        = string
  description = "Region of Cloud Run, Eventarc, Dataflow, Cloud Scheduler, Artifact Registry and the CI buckets."
}

variable "location" {
  type        = string
  description = "Location of the staging bucket and the BigQuery dataset (region or multi-region, e.g. EU)."
}

variable "environment" {
  type        = string
  description = "Environment name: dev, staging or prod."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of: dev, staging, prod."
  }
}

variable "github_repository" {
  type        = string
  description = "owner/name of the GitHub repository whose workflows plan and deploy this environment."
}

variable "github_repository_id" {
  type        = string
  description = "Numeric id of that repository (pins federation against a re-created repository of the same name); null pins the name only."
  default     = null
}

variable "restrict_to_default_branch" {
  type        = bool
  description = "Accept GitHub tokens only from the default branch and pull requests targeting it (true for prod)."
}

variable "state_bucket" {
  type        = string
  description = "Bucket holding this environment's Terraform state (the same as in backend.tf)."
}

variable "catalog_file" {
  type        = string
  description = "Path of the ingest catalog, relative to this directory; its datasets become BigQuery datasets and tables."
  default     = "../../../datasets.yaml"
}

variable "ingest_image" {
  type        = string
  description = "Image the ingest service is created with; later images are rolled out by cloudbuild/ingest-image.yaml, not Terraform."
}

variable "ingest_scaling" {
  type = object({
    min_instances = number
    max_instances = number
  })
  description = "Ingest service instance bounds."
}

variable "ingest_resources" {
  type = object({
    cpu    = string
    memory = string
  })
  description = "Ingest container CPU and memory limits."
}

variable "ingest_schedules" {
  type        = map(string)
  description = "Scheduled ingests: catalog dataset name → cron schedule (POST /ingest through Cloud Scheduler)."
  default     = {}
}

variable "raw_retention" {
  type = object({
    nearline_after_days = optional(number)
    delete_after_days   = optional(number)
  })
  description = "Lifecycle of raw/ objects in the staging bucket."
}

variable "dataflow_template_version" {
  type        = string
  description = "Pinned version of the Google-provided GCS_CSV_to_BigQuery template."
}

variable "dataflow_loads" {
  type = map(object({
    schedule           = string
    input_file_pattern = string
    max_workers        = number
  }))
  description = "Dataflow loads, keyed by catalog dataset name: cron schedule (null: no scheduler job), objects to load (relative to the bucket) and worker bound."
  default     = {}
}

variable "ingest_dataflow_worker" {
  type        = string
  description = "A dataflow_loads key whose worker service account the ingest service launches GCS_CSV_to_BigQuery as (sets DATAFLOW_REGION and DATAFLOW_SERVICE_ACCOUNT on the service). That account writes only its own load's BigQuery dataset, so use it when the `load: dataflow` tables share that dataset. Null: the service launches nothing and staged objects wait for the scheduled loads."
  default     = null
}

variable "notification_channels" {
  type        = list(string)
  description = "Monitoring notification channel ids alerts go to."
  default     = []
}

variable "freshness_hours" {
  type        = map(number)
  description = "Per catalog dataset: alert after this many hours without a successful ingest."
  default     = {}
}

variable "run_5xx_ratio_threshold" {
  type        = number
  description = "Fraction of 5xx responses of the ingest service that raises an alert."
}

variable "deletion_protection" {
  type        = bool
  description = "Deletion protection on the service, tables and buckets."
  default     = true
}
