project_id                 = "dc-pipeline-prod"
region                     = "europe-west1"
location                   = "EU"
environment                = "prod"
github_repository          = "dc-pipeline/dc-pipeline-actions"
restrict_to_default_branch = true
state_bucket               = "dc-pipeline-tfstate"
dataset_id                 = "dc_ingest"

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
dataflow_loads            = {}

notification_channels   = []
freshness_hours         = {}
run_5xx_ratio_threshold = 0.05
