project_id                 = "dc-pipeline-prod"
region                     = "europe-west1"
location                   = "EU"
environment                = "prod"
github_repository          = "dc-pipeline/dc-pipeline-actions"
restrict_to_default_branch = true
state_bucket               = "dc-pipeline-tfstate"

# A public placeholder so the first apply succeeds before any image is pushed; cloudbuild/ingest-image.yaml
# deploys the real image and Terraform ignores the image from then on.
ingest_image = "us-docker.pkg.dev/cloudrun/container/hello"

ingest_scaling = {
  min_instances = 0
  max_instances = 5
}

ingest_resources = {
  cpu    = "2"
  memory = "2Gi"
}

# Exactly-once scheduled loads through the ingest service (unchanged content loads nothing).
ingest_schedules = {
  seattle_weather = "0 */6 * * *"
}

raw_retention = {
  nearline_after_days = 30
  delete_after_days   = 400
}

dataflow_template_version = "2025-01-14-00_RC00"
# The catalog's `load: dataflow` datasets: a worker identity, the schema object and (with a schedule) a Cloud
# Scheduler job launching GCS_CSV_to_BigQuery. No schedule here: the template APPENDS, and the ingest keeps
# every staged object under raw/, so a nightly job on raw/… would load the same rows again every night. Give
# a schedule only with a pattern that matches new files only (see modules/dataflow_job/README.md).
dataflow_loads = {
  us_zipcodes = {
    schedule           = null
    input_file_pattern = "raw/us_zipcodes/*/*/*/*.csv"
    max_workers        = 4
  }
}

# The ingest (the service, and the ingest workflow with the same identity) launches GCS_CSV_to_BigQuery itself,
# once per staged content, with its workers running as this load's worker account (see variables.tf). Null
# would leave staged objects to scheduled loads, and there are none above.
ingest_dataflow_worker = "us_zipcodes"

notification_channels = []
freshness_hours = {
  # Every 6 hours by schedule: two missed runs alert (Cloud Monitoring's absence window is at most 23.5 h).
  seattle_weather = 13
}
run_5xx_ratio_threshold = 0.05
