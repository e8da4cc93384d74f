output "metric_types" {
  description = "Metric types of the log-based metrics: failures, successes, rows, bad_rows, duration."
  value       = local.metric_type
}

output "alert_policy_ids" {
  description = "Ids of the alert policies: ingest_failures, run_5xx, dataflow_failed (null when disabled), apply_build_failed, and freshness (map by dataset)."
  value = {
    ingest_failures    = google_monitoring_alert_policy.ingest_failures.id
    run_5xx            = google_monitoring_alert_policy.run_5xx.id
    dataflow_failed    = one(google_monitoring_alert_policy.dataflow_failed[*].id)
    apply_build_failed = google_monitoring_alert_policy.apply_build_failed.id
    freshness          = { for k, p in google_monitoring_alert_policy.ingest_freshness : k => p.id }
  }
}

output "dashboard_id" {
  description = "Id of the dc-pipeline dashboard."
  value       = google_monitoring_dashboard.main.id
}
