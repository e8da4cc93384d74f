variable "project_id" {
  type        = string
  description = "Project whose logs and metrics are watched and that holds the alert policies and dashboard."
}

variable "environment" {
  type        = string
  description = "Environment name, shown in policy and dashboard names. One of: dev, staging, prod."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of: dev, staging, prod."
  }
}

variable "ingest_service_name" {
  type        = string
  description = "Name of the ingest Cloud Run service whose structured log lines feed the metrics."
}

variable "metric_prefix" {
  type        = string
  description = "Prefix of the log-based metric names (logging.googleapis.com/user/PREFIX/…)."
  default     = "dc-pipeline"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_-]{0,40}$", var.metric_prefix))
    error_message = "metric_prefix must start with a lowercase letter and contain at most 41 lowercase letters, digits, '_' or '-'."
  }
}

variable "notification_channels" {
  type        = list(string)
  description = "Ids of existing notification channels (projects/PROJECT/notificationChannels/ID) every alert notifies. Empty: policies still open incidents, nobody is told."
  default     = []

  validation {
    condition     = alltrue([for c in var.notification_channels : can(regex("^projects/[^/]+/notificationChannels/[0-9]+$", c))])
    error_message = "notification_channels entries must look like projects/PROJECT/notificationChannels/ID."
  }
}

variable "freshness_hours" {
  type        = map(number)
  description = "Per dataset (catalog name): alert when no successful ingest was logged for this many hours. Cloud Monitoring's absence window is at most 23.5 hours, so 1-23."
  default     = {}

  validation {
    condition     = alltrue([for h in values(var.freshness_hours) : h >= 1 && h <= 23])
    error_message = "freshness_hours values must be between 1 and 23 (hours)."
  }
}

variable "run_5xx_ratio_threshold" {
  type        = number
  description = "Alert when more than this fraction of the ingest service's requests return 5xx over 5 minutes."
  default     = 0.05

  validation {
    condition     = var.run_5xx_ratio_threshold > 0 && var.run_5xx_ratio_threshold < 1
    error_message = "run_5xx_ratio_threshold must be a fraction between 0 and 1 (exclusive)."
  }
}

variable "build_failure_log_filter" {
  type        = string
  description = "Cloud Logging filter matching a failed build. Null uses the default: Cloud Build's own `ERROR: build step` line (builds that log to Cloud Logging) or the ingest service's record of a non-SUCCESS build event from the cloud-builds topic (builds with logging GCS_ONLY, like cloudbuild/apply.yaml, write nothing to Cloud Logging)."
  default     = null
}

variable "enable_dataflow_alert" {
  type        = bool
  description = "Create the Dataflow job failed policy (only useful when a dataflow_job module is deployed)."
  default     = true
}

variable "alert_severity" {
  type        = string
  description = "Severity of the alert policies. One of: CRITICAL, ERROR, WARNING."
  default     = "ERROR"

  validation {
    condition     = contains(["CRITICAL", "ERROR", "WARNING"], var.alert_severity)
    error_message = "alert_severity must be one of: CRITICAL, ERROR, WARNING."
  }
}

variable "labels" {
  type        = map(string)
  description = "User labels added to the alert policies."
  default     = {}
}
