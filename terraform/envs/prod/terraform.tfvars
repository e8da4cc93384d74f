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

raw_retention = {
  nearline_after_days = 30
  delete_after_days   = 400
}

dataflow_template_version = "2025-01-14-00_RC00"
# The catalog's `load: dataflow` datasets, loaded nightly by the GCS_CSV_to_BigQuery template. The template
# appends: point the pattern at objects not loaded before (see modules/dataflow_job/README.md).
dataflow_loads = {
  us_zipcodes = {
    schedule           = "0 3 * * *"
    input_file_pattern = "raw/us_zipcodes/*/*/*/*.csv"
    max_workers        = 4
  }
}

notification_channels   = []
freshness_hours         = {}
run_5xx_ratio_threshold = 0.05
