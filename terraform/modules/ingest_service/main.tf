locals {
  labels = merge(var.labels, {
    environment = var.environment
    managed-by  = "terraform"
    component   = "dc-pipeline-ingest"
  })

  # The service launches its Dataflow jobs as the worker account it may act as (dataflow_act_as below); without
  # DATAFLOW_SERVICE_ACCOUNT, Dataflow would run the workers as the Compute Engine default service account.
  dataflow_env = var.dataflow_worker_service_account == null ? {} : { DATAFLOW_SERVICE_ACCOUNT = var.dataflow_worker_service_account }

  env = merge(var.env, local.dataflow_env, {
    CATALOG     = var.catalog_path
    BUCKET      = var.bucket_name
    PROJECT_ID  = var.project_id
    ENVIRONMENT = var.environment
    TARGET      = "gcp"
  })

  topic_id = var.create_cloud_builds_topic ? google_pubsub_topic.cloud_builds[0].id : "projects/${var.project_id}/topics/cloud-builds"

  raw_prefix = "projects/_/buckets/${var.bucket_name}/objects/raw/"
  # The ingest's temporary uploads (src/ingest/stage.ts, incomingName()).
  incoming_prefix = "projects/_/buckets/${var.bucket_name}/objects/tmp/ingest/"
}

# --- Identities -------------------------------------------------------------------------------------------

resource "google_service_account" "main" {
  project      = var.project_id
  account_id   = "${var.name}-run"
  display_name = "dc-pipeline ingest (${var.environment})"
  description  = "Runs the ingest service: writes raw/ in the staging bucket and loads the target dataset."
}

resource "google_service_account" "trigger" {
  project      = var.project_id
  account_id   = "${var.name}-trigger"
  display_name = "dc-pipeline ingest trigger (${var.environment})"
  description  = "Identity Eventarc uses to deliver cloud-builds events; may only invoke the ingest service."
}

# The deployer attaches these accounts to the service and the trigger, which needs actAs on them; granting it
# here, per account, avoids a project-wide serviceAccountUser.
resource "google_service_account_iam_member" "deployer_act_as" {
  for_each = var.deployer_member == null ? {} : merge(
    {
      run     = google_service_account.main.name
      trigger = google_service_account.trigger.name
    },
    length(var.schedules) == 0 ? {} : { scheduler = google_service_account.scheduler[0].name },
  )
  service_account_id = each.value
  role               = "roles/iam.serviceAccountUser"
  member             = var.deployer_member
}

# The ingest workflow (workflow_dispatch) runs the same pipeline with the same permissions as the service.
resource "google_service_account_iam_member" "workload_identity" {
  for_each           = toset(var.workload_identity_members)
  service_account_id = google_service_account.main.name
  role               = "roles/iam.workloadIdentityUser"
  member             = each.value
}

# --- What the ingest may touch ----------------------------------------------------------------------------

# Create objects under raw/ only (staged CSVs, quarantine files and manifests are all under raw/<dataset>/).
resource "google_storage_bucket_iam_member" "raw_creator" {
  bucket = var.bucket_name
  role   = "roles/storage.objectCreator"
  member = google_service_account.main.member

  condition {
    title       = "raw-prefix-only"
    description = "Objects under raw/ only."
    expression  = "resource.name.startsWith(\"${local.raw_prefix}\")"
  }
}

# Read and list under raw/: the write-once check looks content up by sha256, and BigQuery load jobs run as this
# account and read the staged object.
resource "google_storage_bucket_iam_member" "raw_viewer" {
  bucket = var.bucket_name
  role   = "roles/storage.objectViewer"
  member = google_service_account.main.member

  condition {
    title       = "raw-prefix-only"
    description = "Objects under raw/ and listings of raw/ only."
    expression  = "resource.name.startsWith(\"${local.raw_prefix}\") || api.getAttribute(\"storage.googleapis.com/objectListPrefix\", \"\").startsWith(\"raw/\")"
  }
}

# The clean CSV is uploaded under tmp/ingest/ while it is validated (its staged name, the sha256, is known only
# at the end), then copied into raw/ (which reads it) and deleted: create, read and delete there, nothing more.
resource "google_storage_bucket_iam_member" "incoming_user" {
  bucket = var.bucket_name
  role   = "roles/storage.objectUser"
  member = google_service_account.main.member

  condition {
    title       = "incoming-prefix-only"
    description = "The ingest's temporary uploads under tmp/ingest/ only."
    expression  = "resource.name.startsWith(\"${local.incoming_prefix}\")"
  }
}

# BigQuery jobs belong to a project, not a dataset: there is no narrower resource to grant jobs.create on.
# The data the jobs may write is limited by the dataset-level grants below.
resource "google_project_iam_member" "bigquery_job_user" {
  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = google_service_account.main.member
}

resource "google_bigquery_dataset_iam_member" "data_editor" {
  for_each   = toset(var.dataset_ids)
  project    = var.project_id
  dataset_id = each.value
  role       = "roles/bigquery.dataEditor"
  member     = google_service_account.main.member
}

# Launching a Dataflow template is a project-level permission (jobs are project resources); acting as the
# worker account is granted on that one account only.
resource "google_project_iam_member" "dataflow_developer" {
  count   = var.dataflow_worker_service_account == null ? 0 : 1
  project = var.project_id
  role    = "roles/dataflow.developer"
  member  = google_service_account.main.member
}

resource "google_service_account_iam_member" "dataflow_act_as" {
  count              = var.dataflow_worker_service_account == null ? 0 : 1
  service_account_id = "projects/${var.project_id}/serviceAccounts/${var.dataflow_worker_service_account}"
  role               = "roles/iam.serviceAccountUser"
  member             = google_service_account.main.member
}

resource "google_service_account" "scheduler" {
  count        = length(var.schedules) == 0 ? 0 : 1
  project      = var.project_id
  account_id   = "${var.name}-sched"
  display_name = "dc-pipeline ingest scheduler (${var.environment})"
  description  = "Cloud Scheduler calls POST /ingest as this account; may only invoke the ingest service."
}

# --- The service --------------------------------------------------------------------------------------------

resource "google_cloud_run_v2_service" "main" {
  project             = var.project_id
  location            = var.region
  name                = var.name
  ingress             = var.ingress
  labels              = local.labels
  deletion_protection = var.deletion_protection

  template {
    service_account                  = google_service_account.main.email
    timeout                          = "${var.timeout_seconds}s"
    max_instance_request_concurrency = var.concurrency
    labels                           = local.labels

    scaling {
      min_instance_count = var.scaling.min_instances
      max_instance_count = var.scaling.max_instances
    }

    containers {
      image = var.image

      resources {
        limits = {
          cpu    = var.resources.cpu
          memory = var.resources.memory
        }
        cpu_idle = var.resources.cpu_idle
      }

      dynamic "env" {
        for_each = local.env
        content {
          name  = env.key
          value = env.value
        }
      }

      startup_probe {
        http_get {
          path = "/healthz"
        }
        period_seconds    = 2
        failure_threshold = 15
      }
    }
  }

  depends_on = [google_service_account_iam_member.deployer_act_as]

  lifecycle {
    # The deploy (cloudbuild/ingest-image.yaml) owns the image tag and rolls out new revisions; Terraform only
    # sets the first image. Without this, every apply would roll the service back to var.image.
    ignore_changes = [
      template[0].containers[0].image,
      client,
      client_version,
    ]
  }
}

resource "google_cloud_run_v2_service_iam_member" "trigger_invoker" {
  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.main.name
  role     = "roles/run.invoker"
  member   = google_service_account.trigger.member
}

resource "google_cloud_run_v2_service_iam_member" "invokers" {
  for_each = toset(var.invokers)
  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.main.name
  role     = "roles/run.invoker"
  member   = each.value
}

# --- Build events -> the service ------------------------------------------------------------------------------

# Cloud Build publishes every build's status to the topic named exactly `cloud-builds`, if it exists.
resource "google_pubsub_topic" "cloud_builds" {
  count   = var.create_cloud_builds_topic ? 1 : 0
  project = var.project_id
  name    = "cloud-builds"
  labels  = local.labels
}

resource "google_eventarc_trigger" "build_events" {
  project         = var.project_id
  location        = var.region
  name            = "${var.name}-build-events"
  service_account = google_service_account.trigger.email
  labels          = local.labels

  matching_criteria {
    attribute = "type"
    value     = "google.cloud.pubsub.topic.v1.messagePublished"
  }

  transport {
    pubsub {
      topic = local.topic_id
    }
  }

  destination {
    cloud_run_service {
      service = google_cloud_run_v2_service.main.name
      region  = var.region
      path    = "/"
    }
  }

  depends_on = [google_cloud_run_v2_service_iam_member.trigger_invoker, google_service_account_iam_member.deployer_act_as]
}

# --- Scheduled ingests ------------------------------------------------------------------------------------------

resource "google_cloud_run_v2_service_iam_member" "scheduler_invoker" {
  count    = length(var.schedules) == 0 ? 0 : 1
  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.main.name
  role     = "roles/run.invoker"
  member   = google_service_account.scheduler[0].member
}

resource "google_cloud_scheduler_job" "ingest" {
  for_each    = var.schedules
  project     = var.project_id
  region      = var.region
  name        = "${var.name}-${replace(each.key, "_", "-")}"
  description = "Ingest ${each.key} (${var.environment}) through POST /ingest."
  schedule    = each.value
  time_zone   = var.schedule_time_zone

  # Cloud Scheduler waits at most 30 minutes for an HTTP target; a longer ingest still finishes on the service.
  attempt_deadline = "${min(var.timeout_seconds, 1800)}s"

  retry_config {
    retry_count          = 2
    min_backoff_duration = "60s"
  }

  http_target {
    http_method = "POST"
    uri         = "${google_cloud_run_v2_service.main.uri}/ingest"
    headers = {
      "Content-Type" = "application/json"
    }
    body = base64encode(jsonencode({ dataset = each.key }))

    oidc_token {
      service_account_email = google_service_account.scheduler[0].email
      audience              = google_cloud_run_v2_service.main.uri
    }
  }

  depends_on = [google_cloud_run_v2_service_iam_member.scheduler_invoker, google_service_account_iam_member.deployer_act_as]
}
