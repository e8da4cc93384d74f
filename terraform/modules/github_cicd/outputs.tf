output "workload_identity_provider" {
  description = "Full provider name for google-github-actions/auth's workload_identity_provider input."
  value       = google_iam_workload_identity_pool_provider.github.name
}

output "attribute_condition" {
  description = "The CEL condition every GitHub token must satisfy to federate."
  value       = google_iam_workload_identity_pool_provider.github.attribute_condition
}

output "service_accounts" {
  description = "Emails of the planner (PR plans), submitter (deploy workflow) and deployer (Cloud Build) identities."
  value = {
    planner   = google_service_account.planner.email
    submitter = google_service_account.submitter.email
    deployer  = google_service_account.deployer.email
  }
}

output "deployer_service_account_id" {
  description = "Resource id (projects/…/serviceAccounts/…) of the deployer, the form Cloud Build's serviceAccount takes."
  value       = google_service_account.deployer.id
}

output "buckets" {
  description = "Bucket names: plans (plan-bucket), sources (source-bucket) and logs (Cloud Build logsBucket)."
  value       = { for k, b in google_storage_bucket.main : k => b.name }
}

output "artifact_repository" {
  description = "Docker repository for the ingest image: id and the REGION-docker.pkg.dev/PROJECT/REPO prefix to push to."
  value = {
    id  = google_artifact_registry_repository.main.id
    url = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.main.repository_id}"
  }
}

output "build_trigger_ids" {
  description = "Map of trigger name to Cloud Build trigger id."
  value       = { for k, t in google_cloudbuild_trigger.main : k => t.trigger_id }
}

output "default_branch_principal" {
  description = "principalSet of workflows running on the default branch, for granting other identities (e.g. the ingest's) to them."
  value       = local.default_branch_ref
}
