variable "project_id" {
  type        = string
  description = "Project the service, its service accounts and the Eventarc trigger live in."
}

variable "region" {
  type        = string
  description = "Region of the Cloud Run service and the Eventarc trigger (e.g. europe-west1)."
}

variable "environment" {
  type        = string
  description = "Environment name: the ENVIRONMENT the service reports and the build tag (env-<environment>) it reacts to. One of: dev, staging, prod."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of: dev, staging, prod."
  }
}

variable "name" {
  type        = string
  description = "Name of the Cloud Run service (the _SERVICE cloudbuild/ingest-image.yaml deploys to); also the prefix of its service accounts and trigger."
  default     = "dc-pipeline-ingest"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,20}[a-z0-9]$", var.name))
    error_message = "name must be 2-22 lowercase letters, digits or '-', start with a letter and not end with '-' (it prefixes service account ids, which are limited to 30 characters)."
  }
}

variable "image" {
  type        = string
  description = "Container image used when the service is first created (e.g. REGION-docker.pkg.dev/PROJECT/REPO/ingest:TAG). Later tags are rolled out by the deploy (cloudbuild/ingest-image.yaml); Terraform ignores changes to the image so the two never fight."
}

variable "bucket_name" {
  type        = string
  description = "Staging bucket the ingest writes raw/<dataset>/… to (BUCKET in the container)."
}

variable "dataset_ids" {
  type        = list(string)
  description = "BigQuery datasets the catalog loads into; the service account gets dataEditor on these datasets only."

  validation {
    condition     = length(var.dataset_ids) > 0
    error_message = "dataset_ids needs at least one dataset."
  }
}

variable "catalog_path" {
  type        = string
  description = "Path of the dataset catalog inside the container (CATALOG in the container)."
  default     = "/app/datasets.yaml"
}

variable "env" {
  type        = map(string)
  description = "Extra environment variables for the container (e.g. LOCATION, DATAFLOW_REGION). Must not redefine CATALOG, BUCKET, PROJECT_ID, ENVIRONMENT, TARGET or DATAFLOW_SERVICE_ACCOUNT, which the module sets."
  default     = {}

  validation {
    condition     = length(setintersection(keys(var.env), ["CATALOG", "BUCKET", "PROJECT_ID", "ENVIRONMENT", "TARGET", "DATAFLOW_SERVICE_ACCOUNT"])) == 0
    error_message = "env must not set CATALOG, BUCKET, PROJECT_ID, ENVIRONMENT, TARGET or DATAFLOW_SERVICE_ACCOUNT: the module sets them from its other variables."
  }
}

variable "resources" {
  type = object({
    cpu      = optional(string, "1")
    memory   = optional(string, "512Mi")
    cpu_idle = optional(bool, true)
  })
  description = "CPU and memory limits of the container; cpu_idle = true bills CPU only while requests are served."
  default     = {}

  validation {
    condition     = contains(["1", "2", "4", "6", "8"], var.resources.cpu)
    error_message = "resources.cpu must be one of: 1, 2, 4, 6, 8."
  }

  validation {
    condition     = can(regex("^[0-9]+(Mi|Gi)$", var.resources.memory))
    error_message = "resources.memory must be a quantity such as 512Mi or 2Gi."
  }
}

variable "scaling" {
  type = object({
    min_instances = optional(number, 0)
    max_instances = optional(number, 3)
  })
  description = "Instance count bounds. Ingests are bursty and short: 0 to a few instances is the norm."
  default     = {}

  validation {
    condition     = var.scaling.min_instances >= 0 && var.scaling.max_instances >= 1 && var.scaling.min_instances <= var.scaling.max_instances
    error_message = "scaling needs 0 <= min_instances <= max_instances and max_instances >= 1."
  }
}

variable "concurrency" {
  type        = number
  description = "Maximum concurrent requests per instance. An ingest streams a whole file, so keep this low."
  default     = 4

  validation {
    condition     = var.concurrency >= 1 && var.concurrency <= 1000
    error_message = "concurrency must be between 1 and 1000."
  }
}

variable "timeout_seconds" {
  type        = number
  description = "Request timeout in seconds (the longest single ingest). Cloud Run allows up to 3600."
  default     = 900

  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 3600
    error_message = "timeout_seconds must be between 1 and 3600."
  }
}

variable "ingress" {
  type        = string
  description = "Who may reach the service: INGRESS_TRAFFIC_INTERNAL_ONLY (default: Eventarc, Pub/Sub and Cloud Scheduler of the project still can), INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER or INGRESS_TRAFFIC_ALL."
  default     = "INGRESS_TRAFFIC_INTERNAL_ONLY"

  validation {
    condition     = contains(["INGRESS_TRAFFIC_ALL", "INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"], var.ingress)
    error_message = "ingress must be one of: INGRESS_TRAFFIC_ALL, INGRESS_TRAFFIC_INTERNAL_ONLY, INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER."
  }
}

variable "invokers" {
  type        = list(string)
  description = "Extra IAM members allowed to call the service (e.g. serviceAccount:scheduler@… for POST /ingest). Public members are refused."
  default     = []

  validation {
    condition     = length(setintersection(var.invokers, ["allUsers", "allAuthenticatedUsers"])) == 0
    error_message = "invokers must not contain allUsers or allAuthenticatedUsers: the ingest is never public."
  }
}

variable "create_cloud_builds_topic" {
  type        = bool
  description = "Create the `cloud-builds` Pub/Sub topic Cloud Build publishes build status to. Set false when it already exists in the project (Cloud Build never creates it; only one owner may manage it)."
  default     = true
}

variable "dataflow_worker_service_account" {
  type        = string
  description = "Email of the Dataflow worker service account, when the ingest launches the GCS_CSV_to_BigQuery template itself (load: dataflow, with DATAFLOW_REGION in env). The service gets roles/dataflow.developer and iam.serviceAccountUser on this account, and launches its jobs as it (DATAFLOW_SERVICE_ACCOUNT). Null: the service gets no Dataflow permissions."
  default     = null

  validation {
    condition     = var.dataflow_worker_service_account == null || can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.dataflow_worker_service_account))
    error_message = "dataflow_worker_service_account must be a service account email such as df-worker@PROJECT.iam.gserviceaccount.com (not a member or resource name)."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Cloud Run deletion protection: Terraform refuses to destroy the service while true."
  default     = true
}

variable "labels" {
  type        = map(string)
  description = "Labels added to the service and the trigger."
  default     = {}
}

variable "deployer_member" {
  type        = string
  description = "IAM member that applies this module (e.g. serviceAccount:dc-deployer-dev@…). It is granted iam.serviceAccountUser on this module's service accounts only, instead of on every account in the project. Null grants nothing (apply as a user who already may)."
  default     = null

  validation {
    condition     = var.deployer_member == null || can(regex("^(serviceAccount|user|group):.+@.+$", var.deployer_member))
    error_message = "deployer_member must be an IAM member such as serviceAccount:NAME@PROJECT.iam.gserviceaccount.com."
  }
}

variable "workload_identity_members" {
  type        = list(string)
  description = "Workload Identity principals allowed to run ingests as the service's identity from outside Cloud Run, e.g. the GitHub default-branch principalSet for the ingest workflow. Empty: none."
  default     = []

  validation {
    condition     = alltrue([for m in var.workload_identity_members : can(regex("^principal(Set)?://iam\\.googleapis\\.com/", m))])
    error_message = "workload_identity_members entries must be principal:// or principalSet://iam.googleapis.com/… identifiers."
  }
}

variable "schedules" {
  type        = map(string)
  description = "Scheduled ingests: catalog dataset name → cron schedule (Cloud Scheduler syntax). Each calls POST /ingest {\"dataset\": name} with an OIDC token of a dedicated scheduler identity. The ingest is idempotent: unchanged content stages and loads nothing."
  default     = {}

  validation {
    condition     = alltrue([for name, cron in var.schedules : can(regex("^[a-z][a-z0-9_]*$", name)) && length(split(" ", trimspace(cron))) == 5])
    error_message = "schedules must map catalog dataset names ([a-z][a-z0-9_]*) to five-field cron expressions such as \"0 6 * * *\"."
  }
}

variable "schedule_time_zone" {
  type        = string
  description = "Time zone of the schedules (tz database name)."
  default     = "Etc/UTC"
}
