output "workload_identity_provider" {
  description = "For google-github-actions/auth (workload_identity_provider) in the workflows."
  value       = module.github_cicd.workload_identity_provider
}

output "service_accounts" {
  description = "planner, submitter and deployer emails (the workflows' service_account inputs and Cloud Build's)."
  value       = module.github_cicd.service_accounts
}

output "buckets" {
  description = "plans, sources and logs buckets (plan-bucket, source-bucket, Cloud Build logs) and the staging bucket."
  value       = merge(module.github_cicd.buckets, { staging = module.data_platform.bucket.name })
}

output "artifact_repository_url" {
  description = "Where cloudbuild/ingest-image.yaml pushes the ingest image."
  value       = module.github_cicd.artifact_repository.url
}

output "ingest_service_account" {
  description = "The ingest identity (GCP_INGEST_SA of the ingest workflow)."
  value       = module.ingest_service.service_account_email
}

output "ingest_service_uri" {
  description = "URL of the ingest service (internal ingress)."
  value       = module.ingest_service.service.uri
}

output "tables" {
  description = "Fully qualified ids of the catalog's tables."
  value       = module.data_platform.tables
}

output "dataflow_worker_service_accounts" {
  description = "Worker identity of each Dataflow load (GCP_DATAFLOW_SA of the ingest workflow: the one ingest_dataflow_worker names)."
  value       = { for name, load in module.dataflow : name => load.worker_service_account_email }
}
