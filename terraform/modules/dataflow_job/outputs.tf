output "worker_service_account_email" {
  description = "Email of the Dataflow worker service account."
  value       = google_service_account.worker.email
}

output "launcher_service_account_email" {
  description = "Email of the account Cloud Scheduler launches the template as."
  value       = google_service_account.launcher.email
}

output "template_gcs_path" {
  description = "The pinned template the jobs run."
  value       = local.template_gcs_path
}

output "schema_uri" {
  description = "gs:// URI of the schema JSON the template reads."
  value       = "gs://${var.bucket_name}/${google_storage_bucket_object.schema.name}"
}

output "scheduler_job_id" {
  description = "Id of the Cloud Scheduler job, or null when schedule is null."
  value       = one(google_cloud_scheduler_job.main[*].id)
}

output "backfill_job_id" {
  description = "Id of the backfill Dataflow job, or null when backfill is null."
  value       = one(google_dataflow_job.backfill[*].job_id)
}
