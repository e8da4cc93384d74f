variable "project_id" {
  type        = string
  description = "Project that runs the Dataflow jobs and the Cloud Scheduler job."
}

variable "region" {
  type        = string
  description = "Region of the Dataflow jobs and of the scheduler job (e.g. europe-west1)."
}

variable "environment" {
  type        = string
  description = "Environment name, used in names and labels. One of: dev, staging, prod."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of: dev, staging, prod."
  }
}

variable "name" {
  type        = string
  description = "Name of the load (usually the catalog dataset name); prefixes the scheduler job, the Dataflow job names and the schema object."

  validation {
    condition     = can(regex("^[a-z][a-z0-9_-]{0,19}$", var.name))
    error_message = "name must start with a lowercase letter and contain at most 20 lowercase letters, digits, '_' or '-' (it becomes part of 30-character service account ids)."
  }
}

variable "template_version" {
  type        = string
  description = "Version folder of the Google-provided templates (gs://dataflow-templates-REGION/VERSION/GCS_CSV_to_BigQuery), e.g. 2025-01-14-00_RC00. Pinned so a template release never changes a running pipeline; \"latest\" is refused."

  validation {
    condition     = can(regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{2}_RC[0-9]{2}$", var.template_version))
    error_message = "template_version must be a dated release such as 2025-01-14-00_RC00 (\"latest\" is not allowed: pin a version)."
  }
}

variable "bucket_name" {
  type        = string
  description = "Staging bucket: input objects, the schema JSON (schemas/), and the tmp/ folder (Dataflow staging and BigQuery load files)."
}

variable "input_file_pattern" {
  type        = string
  description = "Objects to load, relative to the bucket (e.g. raw/cars/*/*/*/*.csv)."
}

variable "schema" {
  type = list(object({
    name = string
    type = string
  }))
  description = "Columns of the output table; written to gs://BUCKET/schemas/NAME.json in the {\"BigQuery Schema\": [...]} form the template expects."

  validation {
    condition     = length(var.schema) > 0
    error_message = "schema needs at least one column."
  }
}

variable "output_table" {
  type        = string
  description = "Output table as PROJECT:DATASET.TABLE."

  validation {
    condition     = can(regex("^[a-z0-9-]+:[A-Za-z0-9_]+\\.[A-Za-z0-9_]+$", var.output_table))
    error_message = "output_table must be PROJECT:DATASET.TABLE."
  }
}

variable "output_dataset_id" {
  type        = string
  description = "Dataset of output_table and bad_records_table; the worker gets dataEditor on it only."
}

variable "bad_records_table" {
  type        = string
  description = "Table for rejected rows as PROJECT:DATASET.TABLE (schema RawContent STRING, ErrorMsg STRING)."

  validation {
    condition     = can(regex("^[a-z0-9-]+:[A-Za-z0-9_]+\\.[A-Za-z0-9_]+$", var.bad_records_table))
    error_message = "bad_records_table must be PROJECT:DATASET.TABLE."
  }
}

variable "csv" {
  type = object({
    delimiter       = optional(string, ",")
    format          = optional(string, "Default")
    contains_header = optional(bool, true)
    encoding        = optional(string, "UTF-8")
  })
  description = "CSV dialect passed to the template: delimiter, csvFormat (Apache Commons CSV format name), containsHeaders and csvFileEncoding."
  default     = {}

  validation {
    condition     = length(var.csv.delimiter) == 1 || var.csv.delimiter == "\\t"
    error_message = "csv.delimiter must be one character (or \\t)."
  }

  validation {
    condition     = contains(["Default", "Excel", "InformixUnload", "InformixUnloadCsv", "MySQL", "RFC4180", "TDF"], var.csv.format)
    error_message = "csv.format must be one of: Default, Excel, InformixUnload, InformixUnloadCsv, MySQL, RFC4180, TDF."
  }

  validation {
    condition     = contains(["UTF-8", "UTF-16", "ISO-8859-1"], var.csv.encoding)
    error_message = "csv.encoding must be one of: UTF-8, UTF-16, ISO-8859-1."
  }
}

variable "schedule" {
  type        = string
  description = "Cron schedule (Cloud Scheduler syntax) of the load, e.g. \"0 3 * * *\". Null creates no scheduler job."
  default     = "0 3 * * *"

  validation {
    condition     = var.schedule == null || length(split(" ", trimspace(coalesce(var.schedule, "x")))) == 5
    error_message = "schedule must be a five-field cron expression such as \"0 3 * * *\"."
  }
}

variable "time_zone" {
  type        = string
  description = "Time zone of the schedule (tz database name)."
  default     = "Etc/UTC"
}

variable "max_workers" {
  type        = number
  description = "Upper bound of Dataflow workers per run."
  default     = 2

  validation {
    condition     = var.max_workers >= 1 && var.max_workers <= 1000
    error_message = "max_workers must be between 1 and 1000."
  }
}

variable "machine_type" {
  type        = string
  description = "Worker machine type."
  default     = "n1-standard-1"
}

variable "network" {
  type = object({
    network    = optional(string)
    subnetwork = optional(string)
    public_ips = optional(bool, false)
  })
  description = "Worker networking: network name, subnetwork (regions/REGION/subnetworks/NAME or a full URL) and whether workers get public IPs (false needs Private Google Access on the subnetwork)."
  default     = {}
}

variable "backfill" {
  type = object({
    input_file_pattern = string
  })
  description = "Launch one extra batch job now for these objects (a backfill). Null launches none. The job is cancelled, not drained, on destroy."
  default     = null
}

variable "labels" {
  type        = map(string)
  description = "Labels added to the Dataflow jobs."
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
