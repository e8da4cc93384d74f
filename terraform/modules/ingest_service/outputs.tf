output "service" {
  description = "The Cloud Run service: name, id, uri and location."
  value = {
    name     = google_cloud_run_v2_service.main.name
    id       = google_cloud_run_v2_service.main.id
    uri      = google_cloud_run_v2_service.main.uri
    location = google_cloud_run_v2_service.main.location
  }
}

output "service_account_email" {
  description = "Email of the service account the ingest runs as."
  value       = google_service_account.main.email
}

output "trigger_service_account_email" {
  description = "Email of the identity Eventarc delivers build events with (run.invoker on this service only)."
  value       = google_service_account.trigger.email
}

output "trigger_id" {
  description = "Id of the Eventarc trigger on the cloud-builds topic."
  value       = google_eventarc_trigger.build_events.id
}

output "cloud_builds_topic" {
  description = "Id of the cloud-builds Pub/Sub topic the trigger listens to."
  value       = local.topic_id
}

output "scheduler_job_ids" {
  description = "Map of dataset name to the Cloud Scheduler job that ingests it (empty without schedules)."
  value       = { for k, j in google_cloud_scheduler_job.ingest : k => j.id }
}
