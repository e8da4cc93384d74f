locals {
  labels = merge(var.labels, { environment = var.environment, managed-by = "terraform" })

  # Every metric reads the ingest service's one-JSON-line-per-stage logs (jsonPayload.event, .stage, .dataset,
  # .rows, .bad_rows, .duration_ms).
  service_logs = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"${var.ingest_service_name}\""

  metric_type = { for k, m in {
    failures  = google_logging_metric.failures
    successes = google_logging_metric.successes
    rows      = google_logging_metric.rows
    bad_rows  = google_logging_metric.bad_rows
    duration  = google_logging_metric.stage_duration
  } : k => "logging.googleapis.com/user/${m.name}" }

  build_failure_filter = coalesce(var.build_failure_log_filter, join(" OR ", [
    "(resource.type=\"build\" AND textPayload=~\"^ERROR: build step\")",
    "(${local.service_logs} AND jsonPayload.event=\"event_ignored\" AND jsonPayload.reason=~\"^build status is (FAILURE|INTERNAL_ERROR|TIMEOUT)\")",
  ]))

  documentation = "Runbook: the ingest's structured logs (jsonPayload.event, stage, dataset) in Cloud Logging name the failing dataset and stage; `dc-pipeline ingest <dataset> --target gcp` reruns it idempotently."
}

# --- Log-based metrics ----------------------------------------------------------------------------------------------

resource "google_logging_metric" "failures" {
  project     = var.project_id
  name        = "${var.metric_prefix}/ingest_failures"
  description = "Failed ingests, by dataset and stage."
  filter      = "${local.service_logs} AND jsonPayload.event=\"ingest_failed\""

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
    labels {
      key         = "dataset"
      value_type  = "STRING"
      description = "Catalog dataset name."
    }
    labels {
      key         = "stage"
      value_type  = "STRING"
      description = "Stage that failed: fetch, validate, stage, load."
    }
  }

  label_extractors = {
    dataset = "EXTRACT(jsonPayload.dataset)"
    stage   = "EXTRACT(jsonPayload.stage)"
  }
}

resource "google_logging_metric" "successes" {
  project     = var.project_id
  name        = "${var.metric_prefix}/ingest_successes"
  description = "Successful ingests, by dataset."
  filter      = "${local.service_logs} AND jsonPayload.event=\"ingest_succeeded\""

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
    labels {
      key         = "dataset"
      value_type  = "STRING"
      description = "Catalog dataset name."
    }
  }

  label_extractors = {
    dataset = "EXTRACT(jsonPayload.dataset)"
  }
}

resource "google_logging_metric" "rows" {
  project         = var.project_id
  name            = "${var.metric_prefix}/ingest_rows"
  description     = "Rows loaded per successful ingest, by dataset."
  filter          = "${local.service_logs} AND jsonPayload.event=\"ingest_succeeded\""
  value_extractor = "EXTRACT(jsonPayload.rows)"

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "DISTRIBUTION"
    unit        = "1"
    labels {
      key         = "dataset"
      value_type  = "STRING"
      description = "Catalog dataset name."
    }
  }

  label_extractors = {
    dataset = "EXTRACT(jsonPayload.dataset)"
  }

  bucket_options {
    exponential_buckets {
      num_finite_buckets = 32
      growth_factor      = 2
      scale              = 1
    }
  }
}

resource "google_logging_metric" "bad_rows" {
  project         = var.project_id
  name            = "${var.metric_prefix}/ingest_bad_rows"
  description     = "Rows quarantined per successful ingest, by dataset."
  filter          = "${local.service_logs} AND jsonPayload.event=\"ingest_succeeded\""
  value_extractor = "EXTRACT(jsonPayload.bad_rows)"

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "DISTRIBUTION"
    unit        = "1"
    labels {
      key         = "dataset"
      value_type  = "STRING"
      description = "Catalog dataset name."
    }
  }

  label_extractors = {
    dataset = "EXTRACT(jsonPayload.dataset)"
  }

  bucket_options {
    exponential_buckets {
      num_finite_buckets = 24
      growth_factor      = 2
      scale              = 1
    }
  }
}

resource "google_logging_metric" "stage_duration" {
  project         = var.project_id
  name            = "${var.metric_prefix}/ingest_stage_duration"
  description     = "Duration of each ingest stage in milliseconds, by dataset and stage."
  filter          = "${local.service_logs} AND jsonPayload.event=\"ingest_stage_completed\""
  value_extractor = "EXTRACT(jsonPayload.duration_ms)"

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "DISTRIBUTION"
    unit        = "ms"
    labels {
      key         = "dataset"
      value_type  = "STRING"
      description = "Catalog dataset name."
    }
    labels {
      key         = "stage"
      value_type  = "STRING"
      description = "fetch, validate, stage or load."
    }
  }

  label_extractors = {
    dataset = "EXTRACT(jsonPayload.dataset)"
    stage   = "EXTRACT(jsonPayload.stage)"
  }

  bucket_options {
    exponential_buckets {
      num_finite_buckets = 24
      growth_factor      = 2
      scale              = 10
    }
  }
}

# --- Alert policies ---------------------------------------------------------------------------------------------------

resource "google_monitoring_alert_policy" "ingest_failures" {
  project               = var.project_id
  display_name          = "dc-pipeline ${var.environment}: ingest failed"
  combiner              = "OR"
  severity              = var.alert_severity
  notification_channels = var.notification_channels
  user_labels           = local.labels

  conditions {
    display_name = "ingest_failed logged"
    condition_threshold {
      filter          = "metric.type=\"${local.metric_type.failures}\" AND resource.type=\"cloud_run_revision\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
        group_by_fields      = ["metric.label.dataset", "metric.label.stage"]
      }
    }
  }

  documentation {
    content   = local.documentation
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "run_5xx" {
  project               = var.project_id
  display_name          = "dc-pipeline ${var.environment}: ingest service 5xx rate"
  combiner              = "OR"
  severity              = var.alert_severity
  notification_channels = var.notification_channels
  user_labels           = local.labels

  conditions {
    display_name = "5xx ratio above ${var.run_5xx_ratio_threshold}"
    condition_threshold {
      filter             = "metric.type=\"run.googleapis.com/request_count\" AND resource.type=\"cloud_run_revision\" AND resource.label.service_name=\"${var.ingest_service_name}\" AND metric.label.response_code_class=\"5xx\""
      denominator_filter = "metric.type=\"run.googleapis.com/request_count\" AND resource.type=\"cloud_run_revision\" AND resource.label.service_name=\"${var.ingest_service_name}\""
      comparison         = "COMPARISON_GT"
      threshold_value    = var.run_5xx_ratio_threshold
      duration           = "300s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
      }
      denominator_aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    content   = "The ingest service answers 5xx: check its logs for the failing requests. ${local.documentation}"
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "dataflow_failed" {
  count                 = var.enable_dataflow_alert ? 1 : 0
  project               = var.project_id
  display_name          = "dc-pipeline ${var.environment}: Dataflow job failed"
  combiner              = "OR"
  severity              = var.alert_severity
  notification_channels = var.notification_channels
  user_labels           = local.labels

  conditions {
    display_name = "dataflow job/is_failed"
    condition_threshold {
      filter          = "metric.type=\"dataflow.googleapis.com/job/is_failed\" AND resource.type=\"dataflow_job\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
      aggregations {
        alignment_period   = "300s"
        per_series_aligner = "ALIGN_MAX"
      }
    }
  }

  documentation {
    content   = "A GCS_CSV_to_BigQuery run failed: open the job in the Dataflow console; rejected rows are in the <table>_bad_records table."
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "apply_build_failed" {
  project               = var.project_id
  display_name          = "dc-pipeline ${var.environment}: apply build failed"
  combiner              = "OR"
  severity              = var.alert_severity
  notification_channels = var.notification_channels
  user_labels           = local.labels

  conditions {
    display_name = "Cloud Build step failed"
    condition_matched_log {
      filter = local.build_failure_filter
      label_extractors = {
        build_id = "EXTRACT(resource.labels.build_id)"
      }
    }
  }

  # Log-match policies must rate-limit notifications.
  alert_strategy {
    notification_rate_limit {
      period = "300s"
    }
    auto_close = "86400s"
  }

  documentation {
    content   = "A Cloud Build apply failed (build $${log.extracted_label.build_id}). The merged PR's plan comment links the build log; a stale plan needs a fresh PR plan."
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "ingest_freshness" {
  for_each              = var.freshness_hours
  project               = var.project_id
  display_name          = "dc-pipeline ${var.environment}: no successful ingest of ${each.key} in ${each.value}h"
  combiner              = "OR"
  severity              = var.alert_severity
  notification_channels = var.notification_channels
  user_labels           = local.labels

  conditions {
    display_name = "no ingest_succeeded for ${each.key}"
    condition_absent {
      filter   = "metric.type=\"${local.metric_type.successes}\" AND resource.type=\"cloud_run_revision\" AND metric.label.dataset=\"${each.key}\""
      duration = "${each.value * 3600}s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    content   = "No successful ingest of ${each.key} for ${each.value} hours. ${local.documentation}"
    mime_type = "text/markdown"
  }
}

# --- Dashboard ----------------------------------------------------------------------------------------------------

resource "google_monitoring_dashboard" "main" {
  project = var.project_id
  dashboard_json = jsonencode({
    displayName = "dc-pipeline ${var.environment}"
    mosaicLayout = {
      columns = 12
      tiles = [for i, t in [
        { title = "Successful ingests by dataset", metric = local.metric_type.successes, aligner = "ALIGN_SUM", reducer = "REDUCE_SUM", group = ["metric.label.dataset"] },
        { title = "Failed ingests by dataset and stage", metric = local.metric_type.failures, aligner = "ALIGN_SUM", reducer = "REDUCE_SUM", group = ["metric.label.dataset", "metric.label.stage"] },
        { title = "Rows loaded (sum) by dataset", metric = local.metric_type.rows, aligner = "ALIGN_DELTA", reducer = "REDUCE_SUM", group = ["metric.label.dataset"] },
        { title = "Bad rows (sum) by dataset", metric = local.metric_type.bad_rows, aligner = "ALIGN_DELTA", reducer = "REDUCE_SUM", group = ["metric.label.dataset"] },
        { title = "Stage duration p95 (ms)", metric = local.metric_type.duration, aligner = "ALIGN_DELTA", reducer = "REDUCE_PERCENTILE_95", group = ["metric.label.stage"] },
        { title = "Ingest service requests by response class", metric = "run.googleapis.com/request_count", aligner = "ALIGN_RATE", reducer = "REDUCE_SUM", group = ["metric.label.response_code_class"] },
        ] : {
        xPos   = (i % 2) * 6
        yPos   = floor(i / 2) * 4
        width  = 6
        height = 4
        widget = {
          title = t.title
          xyChart = {
            dataSets = [{
              plotType = "LINE"
              timeSeriesQuery = {
                timeSeriesFilter = {
                  filter = "metric.type=\"${t.metric}\" AND resource.type=\"cloud_run_revision\" AND resource.label.service_name=\"${var.ingest_service_name}\""
                  aggregation = {
                    alignmentPeriod    = "300s"
                    perSeriesAligner   = t.aligner
                    crossSeriesReducer = t.reducer
                    groupByFields      = t.group
                  }
                }
              }
            }]
          }
        }
      }]
    }
  })
}
