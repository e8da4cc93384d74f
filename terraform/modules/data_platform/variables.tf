variable "project_id" {
  type        = string
  description = "Project that owns the staging bucket and the BigQuery dataset."
}

variable "environment" {
  type        = string
  description = "Environment name, used in resource names and labels. One of: dev, staging, prod."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of: dev, staging, prod."
  }
}

variable "bucket_name" {
  type        = string
  description = "Name of the staging bucket the ingest writes raw/<dataset>/… objects and manifests to."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name must be 3-63 characters of lowercase letters, digits, '-', '_' and '.', starting and ending with a letter or digit."
  }
}

variable "location" {
  type        = string
  description = "Location of the bucket and the datasets (a region such as europe-west1, or a multi-region such as EU or US)."
}

variable "storage_class" {
  type        = string
  description = "Default storage class of the staging bucket. One of: STANDARD, NEARLINE, COLDLINE, ARCHIVE."
  default     = "STANDARD"

  validation {
    condition     = contains(["STANDARD", "NEARLINE", "COLDLINE", "ARCHIVE"], var.storage_class)
    error_message = "storage_class must be one of: STANDARD, NEARLINE, COLDLINE, ARCHIVE."
  }
}

variable "raw_lifecycle" {
  type = object({
    nearline_after_days = optional(number)
    delete_after_days   = optional(number)
    noncurrent_versions = optional(number, 3)
  })
  description = "Lifecycle of objects under raw/: move to NEARLINE after nearline_after_days, delete after delete_after_days (null keeps them), keep at most noncurrent_versions old versions."
  default     = {}

  validation {
    condition     = var.raw_lifecycle.delete_after_days == null || var.raw_lifecycle.nearline_after_days == null || try(var.raw_lifecycle.delete_after_days > var.raw_lifecycle.nearline_after_days, false)
    error_message = "raw_lifecycle.delete_after_days must be greater than raw_lifecycle.nearline_after_days."
  }
}

variable "datasets" {
  type = map(object({
    description = optional(string, "Tables loaded by the dc-pipeline ingest.")
    tables = list(object({
      table_id    = string
      description = optional(string)
      schema = list(object({
        name        = string
        type        = string
        mode        = optional(string, "NULLABLE")
        description = optional(string)
      }))
      partitioning = optional(object({
        type  = string
        field = optional(string)
      }))
      clustering = optional(list(string), [])
    }))
  }))
  description = "BigQuery datasets keyed by dataset id, each with the tables of the ingest catalog that target it: the catalog's schema, time partitioning (field null = ingestion time) and clustering columns."

  validation {
    condition     = alltrue([for id, _ in var.datasets : can(regex("^[A-Za-z_][A-Za-z0-9_]*$", id)) && length(id) <= 1024])
    error_message = "Every datasets key (a dataset id) must start with a letter or underscore and contain only letters, digits and underscores (at most 1024)."
  }

  validation {
    condition     = alltrue(flatten([for d in values(var.datasets) : [for t in d.tables : can(regex("^[A-Za-z_][A-Za-z0-9_]*$", t.table_id)) && length(t.table_id) <= 1024]]))
    error_message = "Every datasets[*].tables[].table_id must start with a letter or underscore and contain only letters, digits and underscores (at most 1024)."
  }

  validation {
    condition = alltrue(flatten([for d in values(var.datasets) : [for t in d.tables : [
      for c in t.schema : contains(["STRING", "INTEGER", "FLOAT", "NUMERIC", "BOOLEAN", "DATE", "DATETIME", "TIMESTAMP"], c.type)
    ]]]))
    error_message = "Every datasets[*].tables[].schema[].type must be one of: STRING, INTEGER, FLOAT, NUMERIC, BOOLEAN, DATE, DATETIME, TIMESTAMP."
  }

  validation {
    condition     = alltrue(flatten([for d in values(var.datasets) : [for t in d.tables : [for c in t.schema : contains(["NULLABLE", "REQUIRED"], c.mode)]]]))
    error_message = "Every datasets[*].tables[].schema[].mode must be one of: NULLABLE, REQUIRED."
  }

  validation {
    condition     = alltrue(flatten([for d in values(var.datasets) : [for t in d.tables : t.partitioning == null || contains(["DAY", "HOUR", "MONTH", "YEAR"], try(t.partitioning.type, ""))]]))
    error_message = "datasets[*].tables[].partitioning.type must be one of: DAY, HOUR, MONTH, YEAR."
  }

  validation {
    condition     = alltrue(flatten([for d in values(var.datasets) : [for t in d.tables : length(t.clustering) <= 4]]))
    error_message = "datasets[*].tables[].clustering takes at most 4 columns (a BigQuery limit)."
  }
}

variable "quarantine_tables" {
  type        = bool
  description = "Create a <table>_bad_records table per table (RawContent, ErrorMsg — the schema the Dataflow GCS_CSV_to_BigQuery template writes rejected rows with)."
  default     = true
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to delete the tables (BigQuery deletion_protection) and to destroy a non-empty bucket. Turn off only to tear an environment down."
  default     = true
}

variable "labels" {
  type        = map(string)
  description = "Labels added to the bucket, the datasets and the tables."
  default     = {}
}
