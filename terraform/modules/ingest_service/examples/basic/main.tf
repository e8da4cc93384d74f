# The ingest service behind Eventarc, reacting to successful builds tagged env-dev.
module "ingest_service" {
  source = "../.."

  project_id  = var.project_id
  region      = "europe-west1"
  environment = "dev"
  image       = "us-docker.pkg.dev/cloudrun/container/hello"
  bucket_name = "${var.project_id}-dc-staging"
  dataset_ids = ["demo", "reference"]

  scaling = {
    min_instances = 0
    max_instances = 2
  }

  env = {
    LOCATION = "EU"
  }

  schedules = {
    seattle_weather = "0 6 * * *"
  }
}

variable "project_id" {
  type        = string
  description = "Project to deploy the example into."
}

output "service_uri" {
  description = "URL of the ingest service."
  value       = module.ingest_service.service.uri
}
