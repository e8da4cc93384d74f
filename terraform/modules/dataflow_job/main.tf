locals {
  labels = merge(var.labels, {
    environment = var.environment
    managed-by  = "terraform"
    component   = "dc-pipeline-dataflow"
  })

  template_gcs_path = "gs://dataflow-templates-${var.region}/${var.template_version}/GCS_CSV_to_BigQuery"
  bucket_url        = "gs://${var.bucket_name}"
  schema_object     = "schemas/${var.name}.json"

  parameters = {
    schemaJSONPath                    = "${local.bucket_url}/${local.schema_object}"
    outputTable                       = var.output_table
    bigQueryLoadingTemporaryDirectory = "${local.bucket_url}/tmp/bigquery/${var.name}"
    badRecordsOutputTable             = var.bad_records_table
    delimiter                         = var.csv.delimiter
    csvFormat                         = var.csv.format
    containsHeaders                   = tostring(var.csv.contains_header)
    csvFileEncoding                   = var.csv.encoding
  }

  launch_environment = {
    serviceAccountEmail  = google_service_account.worker.email
    tempLocation         = "${local.bucket_url}/tmp/dataflow/${var.name}"
    maxWorkers           = var.max_workers
    machineType          = var.machine_type
    network              = var.network.network
    subnetwork           = var.network.subnetwork
    ipConfiguration      = var.network.public_ips ? "WORKER_IP_PUBLIC" : "WORKER_IP_PRIVATE"
    additionalUserLabels = local.labels
  }
}

# --- Identities ---------------------------------------------------------------------------------------------

resource "google_service_account" "worker" {
  project      = var.project_id
  account_id   = substr("df-${replace(var.name, "_", "-")}-${var.environment}", 0, 30)
  display_name = "Dataflow worker for ${var.name} (${var.environment})"
  description  = "Runs GCS_CSV_to_BigQuery workers: reads the staging bucket, writes tmp/, loads one dataset."
}

resource "google_service_account" "launcher" {
  project      = var.project_id
  account_id   = substr("dl-${replace(var.name, "_", "-")}-${var.environment}", 0, 30)
  display_name = "Dataflow launcher for ${var.name} (${var.environment})"
  description  = "Cloud Scheduler calls templates:launch as this account."
}

# Workers must hold dataflow.worker on the project: Dataflow checks it there, no narrower grant exists.
resource "google_project_iam_member" "worker" {
  project = var.project_id
  role    = "roles/dataflow.worker"
  member  = google_service_account.worker.member
}

# Load jobs are project resources; the data they may write is limited by the dataset grant below.
resource "google_project_iam_member" "worker_job_user" {
  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = google_service_account.worker.member
}

resource "google_bigquery_dataset_iam_member" "worker_data_editor" {
  project    = var.project_id
  dataset_id = var.output_dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = google_service_account.worker.member
}

# Read the staged CSVs (raw/) and the schema (schemas/); list them to expand the input pattern.
resource "google_storage_bucket_iam_member" "worker_reader" {
  bucket = var.bucket_name
  role   = "roles/storage.objectViewer"
  member = google_service_account.worker.member

  condition {
    title       = "raw-and-schemas-only"
    description = "Objects under raw/ and schemas/, and listings of the bucket."
    expression  = "resource.name.startsWith(\"projects/_/buckets/${var.bucket_name}/objects/raw/\") || resource.name.startsWith(\"projects/_/buckets/${var.bucket_name}/objects/schemas/\") || resource.type == \"storage.googleapis.com/Bucket\""
  }
}

# tmp/ holds Dataflow's staging files and BigQuery's load files, which the workers create and delete.
resource "google_storage_bucket_iam_member" "worker_temp" {
  bucket = var.bucket_name
  role   = "roles/storage.objectAdmin"
  member = google_service_account.worker.member

  condition {
    title       = "temp-prefix-only"
    description = "Objects under tmp/ only."
    expression  = "resource.name.startsWith(\"projects/_/buckets/${var.bucket_name}/objects/tmp/\")"
  }
}

# Creating Dataflow jobs is project-scoped; the launcher can only make them run as the worker account.
resource "google_project_iam_member" "launcher" {
  project = var.project_id
  role    = "roles/dataflow.developer"
  member  = google_service_account.launcher.member
}

resource "google_service_account_iam_member" "launcher_act_as_worker" {
  service_account_id = google_service_account.worker.name
  role               = "roles/iam.serviceAccountUser"
  member             = google_service_account.launcher.member
}

# The deployer makes the scheduler act as the launcher and the backfill job run as the worker; granting actAs
# per account avoids a project-wide serviceAccountUser.
resource "google_service_account_iam_member" "deployer_act_as" {
  for_each = var.deployer_member == null ? {} : {
    worker   = google_service_account.worker.name
    launcher = google_service_account.launcher.name
  }
  service_account_id = each.value
  role               = "roles/iam.serviceAccountUser"
  member             = var.deployer_member
}

# --- The schema the template reads ----------------------------------------------------------------------------

resource "google_storage_bucket_object" "schema" {
  bucket       = var.bucket_name
  name         = local.schema_object
  content_type = "application/json"
  content      = jsonencode({ "BigQuery Schema" = var.schema })
}

# --- The scheduled load ---------------------------------------------------------------------------------------

# A batch google_dataflow_job runs once: when it finishes, Terraform sees a job that is no longer running and
# plans to recreate it on the next apply. It cannot express "every night". Cloud Scheduler calling
# templates:launch can, and each run is a new, independent job.
resource "google_cloud_scheduler_job" "main" {
  count       = var.schedule == null ? 0 : 1
  project     = var.project_id
  region      = var.region
  name        = "${replace(var.name, "_", "-")}-csv-to-bigquery"
  description = "Loads ${var.input_file_pattern} into ${var.output_table} with GCS_CSV_to_BigQuery ${var.template_version}."
  schedule    = var.schedule
  time_zone   = var.time_zone

  attempt_deadline = "320s"

  retry_config {
    retry_count = 1
  }

  http_target {
    http_method = "POST"
    uri         = "https://dataflow.googleapis.com/v1b3/projects/${var.project_id}/locations/${var.region}/templates:launch?gcsPath=${local.template_gcs_path}"
    headers = {
      "Content-Type" = "application/json"
    }
    body = base64encode(jsonencode({
      jobName     = "${replace(var.name, "_", "-")}-scheduled"
      parameters  = merge(local.parameters, { inputFilePattern = "${local.bucket_url}/${var.input_file_pattern}" })
      environment = { for k, v in local.launch_environment : k => v if v != null }
    }))

    oauth_token {
      service_account_email = google_service_account.launcher.email
      scope                 = "https://www.googleapis.com/auth/cloud-platform"
    }
  }

  depends_on = [google_storage_bucket_object.schema, google_service_account_iam_member.deployer_act_as]
}

# --- Optional one-shot backfill -------------------------------------------------------------------------------

resource "google_dataflow_job" "backfill" {
  count                 = var.backfill == null ? 0 : 1
  project               = var.project_id
  region                = var.region
  name                  = "${replace(var.name, "_", "-")}-backfill"
  template_gcs_path     = local.template_gcs_path
  temp_gcs_location     = local.launch_environment.tempLocation
  service_account_email = google_service_account.worker.email
  max_workers           = var.max_workers
  machine_type          = var.machine_type
  network               = var.network.network
  subnetwork            = var.network.subnetwork
  ip_configuration      = local.launch_environment.ipConfiguration
  labels                = local.labels
  on_delete             = "cancel"

  parameters = merge(local.parameters, { inputFilePattern = "${local.bucket_url}/${var.backfill.input_file_pattern}" })

  depends_on = [google_storage_bucket_object.schema, google_project_iam_member.worker, google_service_account_iam_member.deployer_act_as]
}
