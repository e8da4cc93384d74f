locals {
  labels = merge(var.labels, {
    environment = var.environment
    managed-by  = "terraform"
    component   = "dc-pipeline-cicd"
  })

  repository_condition = join(" && ", compact([
    "assertion.repository == \"${var.github_repository}\"",
    var.github_repository_id == null ? "" : "assertion.repository_id == \"${var.github_repository_id}\"",
  ]))
  # Pushes to the default branch (applies) and pull requests targeting it (plans) only.
  branch_condition = "(assertion.ref == \"refs/heads/${var.default_branch}\" || assertion.base_ref == \"${var.default_branch}\")"

  attribute_condition = var.restrict_to_default_branch ? "${local.repository_condition} && ${local.branch_condition}" : local.repository_condition

  pool_name          = google_iam_workload_identity_pool.main.name
  repository_members = "principalSet://iam.googleapis.com/${local.pool_name}/attribute.repository/${var.github_repository}"
  default_branch_ref = "principalSet://iam.googleapis.com/${local.pool_name}/attribute.repository_ref/${var.github_repository}@refs/heads/${var.default_branch}"

  buckets = {
    plans   = var.plan_bucket_name
    sources = var.source_bucket_name
    logs    = var.logs_bucket_name
  }
}

# --- Workload Identity Federation for GitHub Actions ----------------------------------------------------------

resource "google_iam_workload_identity_pool" "main" {
  project                   = var.project_id
  workload_identity_pool_id = var.pool_id
  display_name              = "GitHub Actions"
  description               = "GitHub OIDC tokens of ${var.github_repository}."
}

resource "google_iam_workload_identity_pool_provider" "github" {
  project                            = var.project_id
  workload_identity_pool_id          = google_iam_workload_identity_pool.main.workload_identity_pool_id
  workload_identity_pool_provider_id = "github"
  display_name                       = "GitHub"
  description                        = "token.actions.githubusercontent.com, ${var.github_repository} only."

  # Without a condition any repository on GitHub could exchange its tokens in this pool.
  attribute_condition = local.attribute_condition

  attribute_mapping = {
    "google.subject"           = "assertion.sub"
    "attribute.repository"     = "assertion.repository"
    "attribute.repository_id"  = "assertion.repository_id"
    "attribute.repository_ref" = "assertion.repository + \"@\" + assertion.ref"
    "attribute.ref"            = "assertion.ref"
    "attribute.event_name"     = "assertion.event_name"
    "attribute.workflow_ref"   = "assertion.workflow_ref"
  }

  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}

# --- Identities -----------------------------------------------------------------------------------------------

resource "google_service_account" "planner" {
  project      = var.project_id
  account_id   = "dc-planner-${var.environment}"
  display_name = "dc-pipeline planner (${var.environment})"
  description  = "Pull-request plans: reads the project and the state, uploads reviewed plans."
}

resource "google_service_account" "submitter" {
  project      = var.project_id
  account_id   = "dc-submitter-${var.environment}"
  display_name = "dc-pipeline apply submitter (${var.environment})"
  description  = "The deploy workflow on the default branch: starts Cloud Build applies as the deployer, reads their logs."
}

resource "google_service_account" "deployer" {
  project      = var.project_id
  account_id   = "dc-deployer-${var.environment}"
  display_name = "dc-pipeline deployer (${var.environment})"
  description  = "Cloud Build runs terraform apply of reviewed plans and image deploys as this account."
}

# Any workflow of the repository may plan (read-only); only the default branch may start applies.
resource "google_service_account_iam_member" "planner_wif" {
  service_account_id = google_service_account.planner.name
  role               = "roles/iam.workloadIdentityUser"
  member             = local.repository_members
}

resource "google_service_account_iam_member" "submitter_wif" {
  service_account_id = google_service_account.submitter.name
  role               = "roles/iam.workloadIdentityUser"
  member             = local.default_branch_ref
}

# terraform plan refreshes every resource of the configuration and its IAM policies: read-only roles over the
# whole project are what that takes.
resource "google_project_iam_member" "planner" {
  for_each = toset(var.planner_project_roles)
  project  = var.project_id
  role     = each.value
  member   = google_service_account.planner.member
}

# Builds are project resources: creating one cannot be granted on anything narrower.
resource "google_project_iam_member" "submitter_builds" {
  project = var.project_id
  role    = "roles/cloudbuild.builds.editor"
  member  = google_service_account.submitter.member
}

# Cloud Build triggers that run as the deployer are created by the deployer: it must be able to act as itself.
resource "google_service_account_iam_member" "deployer_act_as_self" {
  service_account_id = google_service_account.deployer.name
  role               = "roles/iam.serviceAccountUser"
  member             = google_service_account.deployer.member
}

resource "google_service_account_iam_member" "submitter_act_as_deployer" {
  service_account_id = google_service_account.deployer.name
  role               = "roles/iam.serviceAccountUser"
  member             = google_service_account.submitter.member
}

# The deployer creates project-level resources (service accounts, buckets, datasets, IAM bindings, …), which
# only project-level roles allow; owner and editor are refused by the variable's validation.
resource "google_project_iam_member" "deployer" {
  for_each = toset(var.deployer_project_roles)
  project  = var.project_id
  role     = each.value
  member   = google_service_account.deployer.member
}

# --- Buckets: reviewed plans, build sources, build logs ---------------------------------------------------------

resource "google_storage_bucket" "main" {
  for_each = local.buckets

  project       = var.project_id
  name          = each.value
  location      = var.region
  labels        = merge(local.labels, { purpose = each.key })
  force_destroy = !var.deletion_protection

  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = each.key == "plans"
  }

  lifecycle_rule {
    condition {
      age = var.plan_retention_days
    }
    action {
      type = "Delete"
    }
  }
}

# Plans are uploaded write-once by the planner and read by the deploy side.
resource "google_storage_bucket_iam_member" "planner_plans_creator" {
  bucket = google_storage_bucket.main["plans"].name
  role   = "roles/storage.objectCreator"
  member = google_service_account.planner.member
}

resource "google_storage_bucket_iam_member" "plans_viewer" {
  for_each = {
    planner   = google_service_account.planner.member
    submitter = google_service_account.submitter.member
    deployer  = google_service_account.deployer.member
  }
  bucket = google_storage_bucket.main["plans"].name
  role   = "roles/storage.objectViewer"
  member = each.value
}

resource "google_storage_bucket_iam_member" "submitter_sources" {
  bucket = google_storage_bucket.main["sources"].name
  role   = "roles/storage.objectCreator"
  member = google_service_account.submitter.member
}

resource "google_storage_bucket_iam_member" "deployer_sources" {
  bucket = google_storage_bucket.main["sources"].name
  role   = "roles/storage.objectViewer"
  member = google_service_account.deployer.member
}

resource "google_storage_bucket_iam_member" "deployer_logs" {
  bucket = google_storage_bucket.main["logs"].name
  role   = "roles/storage.objectAdmin"
  member = google_service_account.deployer.member
}

resource "google_storage_bucket_iam_member" "submitter_logs" {
  bucket = google_storage_bucket.main["logs"].name
  role   = "roles/storage.objectViewer"
  member = google_service_account.submitter.member
}

# State: the deployer writes it. The planner reads it and may only create and delete the lock objects
# (`<prefix>/<workspace>.tflock`) that `terraform plan` takes, so a pull request can never rewrite state.
resource "google_storage_bucket_iam_member" "deployer_state" {
  bucket = var.state_bucket
  role   = "roles/storage.objectUser"
  member = google_service_account.deployer.member
}

resource "google_storage_bucket_iam_member" "planner_state_reader" {
  bucket = var.state_bucket
  role   = "roles/storage.objectViewer"
  member = google_service_account.planner.member
}

resource "google_storage_bucket_iam_member" "planner_state_lock" {
  bucket = var.state_bucket
  role   = "roles/storage.objectUser"
  member = google_service_account.planner.member

  condition {
    title       = "state-locks-only"
    description = "Terraform lock objects only."
    expression  = "resource.name.startsWith(\"projects/_/buckets/${var.state_bucket}/objects/\") && resource.name.endsWith(\".tflock\")"
  }
}

# --- Artifact Registry ------------------------------------------------------------------------------------------

resource "google_artifact_registry_repository" "main" {
  project       = var.project_id
  location      = var.region
  repository_id = var.artifact_repository_id
  format        = "DOCKER"
  description   = "dc-pipeline ingest images (${var.environment})."
  labels        = local.labels

  docker_config {
    immutable_tags = true
  }

  cleanup_policies {
    id     = "keep-recent"
    action = "KEEP"
    most_recent_versions {
      keep_count = var.keep_image_versions
    }
  }

  cleanup_policies {
    id     = "delete-untagged"
    action = "DELETE"
    condition {
      tag_state = "UNTAGGED"
    }
  }
}

resource "google_artifact_registry_repository_iam_member" "deployer_writer" {
  project    = var.project_id
  location   = var.region
  repository = google_artifact_registry_repository.main.name
  role       = "roles/artifactregistry.writer"
  member     = google_service_account.deployer.member
}

# --- Optional Cloud Build triggers ------------------------------------------------------------------------------

resource "google_cloudbuild_trigger" "main" {
  for_each = var.build_triggers

  project         = var.project_id
  location        = var.build_trigger_location
  name            = each.key
  description     = each.value.description
  filename        = each.value.filename
  included_files  = each.value.included_files
  substitutions   = merge({ _ENV = var.environment }, each.value.substitutions)
  service_account = google_service_account.deployer.id
  tags            = ["dc-pipeline", "env-${var.environment}"]

  github {
    owner = split("/", var.github_repository)[0]
    name  = split("/", var.github_repository)[1]
    push {
      branch = each.value.branch
    }
  }
}
