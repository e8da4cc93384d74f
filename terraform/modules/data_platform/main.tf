locals {
  labels = merge(var.labels, {
    environment = var.environment
    managed-by  = "terraform"
    component   = "dc-pipeline"
  })

  # Stable for_each keys: "<dataset>.<table>".
  tables = merge([for id, d in var.datasets : {
    for t in d.tables : "${id}.${t.table_id}" => merge(t, { dataset_id = id })
  }]...)
  quarantine = var.quarantine_tables ? local.tables : {}

  # The error table schema of the Google-provided GCS_CSV_to_BigQuery template; the ingest's own quarantine
  # uses the same two columns so one table serves both load paths.
  bad_records_schema = [
    { name = "RawContent", type = "STRING", mode = "NULLABLE", description = "The rejected CSV line as read." },
    { name = "ErrorMsg", type = "STRING", mode = "NULLABLE", description = "Why the line was rejected." },
  ]
}

resource "google_storage_bucket" "main" {
  project       = var.project_id
  name          = var.bucket_name
  location      = var.location
  storage_class = var.storage_class
  labels        = local.labels

  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = !var.deletion_protection

  # Staged objects are write-once (ifGenerationMatch: 0); versioning keeps an overwritten or deleted object
  # recoverable if something bypasses that precondition.
  versioning {
    enabled = true
  }

  dynamic "lifecycle_rule" {
    for_each = var.raw_lifecycle.nearline_after_days == null ? [] : [var.raw_lifecycle.nearline_after_days]
    content {
      condition {
        age            = lifecycle_rule.value
        matches_prefix = ["raw/"]
      }
      action {
        type          = "SetStorageClass"
        storage_class = "NEARLINE"
      }
    }
  }

  dynamic "lifecycle_rule" {
    for_each = var.raw_lifecycle.delete_after_days == null ? [] : [var.raw_lifecycle.delete_after_days]
    content {
      condition {
        age            = lifecycle_rule.value
        matches_prefix = ["raw/"]
      }
      action {
        type = "Delete"
      }
    }
  }

  # tmp/ holds Dataflow staging and BigQuery load scratch files; nothing there is needed after a week.
  lifecycle_rule {
    condition {
      age            = 7
      matches_prefix = ["tmp/"]
    }
    action {
      type = "Delete"
    }
  }

  # tmp/ingest/ holds the clean CSV of an ingest while it is uploaded (before its sha256, and so its staged
  # name, is known); the ingest copies it into raw/ and deletes it. With versioning on, that delete keeps a
  # noncurrent version, and a crashed run leaves the object itself: both go after a day, not a week.
  lifecycle_rule {
    condition {
      age            = 1
      matches_prefix = ["tmp/ingest/"]
    }
    action {
      type = "Delete"
    }
  }

  lifecycle_rule {
    condition {
      num_newer_versions = var.raw_lifecycle.noncurrent_versions
      with_state         = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }
}

resource "google_bigquery_dataset" "main" {
  for_each = var.datasets

  project     = var.project_id
  dataset_id  = each.key
  location    = var.location
  description = each.value.description
  labels      = local.labels

  # No default table expiration: loaded data is kept until someone decides otherwise.
  default_table_expiration_ms = null
  delete_contents_on_destroy  = false
}

resource "google_bigquery_table" "main" {
  for_each = local.tables

  project             = var.project_id
  dataset_id          = google_bigquery_dataset.main[each.value.dataset_id].dataset_id
  table_id            = each.value.table_id
  description         = each.value.description
  labels              = local.labels
  deletion_protection = var.deletion_protection
  clustering          = length(each.value.clustering) > 0 ? each.value.clustering : null

  # Keys without a value are left out: BigQuery returns no "description" for a column without one, and a
  # null in the JSON would show as a change on every plan.
  schema = jsonencode([for c in each.value.schema : { for k, v in {
    name        = c.name
    type        = c.type
    mode        = c.mode
    description = c.description
  } : k => v if v != null }])

  dynamic "time_partitioning" {
    for_each = each.value.partitioning == null ? [] : [each.value.partitioning]
    content {
      type  = time_partitioning.value.type
      field = time_partitioning.value.field
    }
  }
}

resource "google_bigquery_table" "bad_records" {
  for_each = local.quarantine

  project             = var.project_id
  dataset_id          = google_bigquery_dataset.main[each.value.dataset_id].dataset_id
  table_id            = "${each.value.table_id}_bad_records"
  description         = "Rows of ${each.key} rejected by the Dataflow template (RawContent, ErrorMsg)."
  labels              = local.labels
  deletion_protection = var.deletion_protection
  schema              = jsonencode(local.bad_records_schema)

  time_partitioning {
    type = "DAY"
  }
}
