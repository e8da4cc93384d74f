# A nightly GCS_CSV_to_BigQuery load of everything staged for one dataset, on a private network.
module "dataflow_job" {
  source = "../.."

  project_id         = var.project_id
  region             = "europe-west1"
  environment        = "dev"
  name               = "cars"
  template_version   = "2025-01-14-00_RC00"
  bucket_name        = "${var.project_id}-dc-staging"
  input_file_pattern = "raw/cars/*/*/*/*.csv"
  output_table       = "${var.project_id}:dc_ingest.cars"
  output_dataset_id  = "dc_ingest"
  bad_records_table  = "${var.project_id}:dc_ingest.cars_bad_records"
  schedule           = "0 3 * * *"
  max_workers        = 2

  schema = [
    { name = "name", type = "STRING" },
    { name = "miles_per_gallon", type = "FLOAT" },
  ]

  network = {
    subnetwork = "regions/europe-west1/subnetworks/default"
  }
}

variable "project_id" {
  type        = string
  description = "Project to deploy the example into."
}

output "scheduler_job_id" {
  description = "The Cloud Scheduler job."
  value       = module.dataflow_job.scheduler_job_id
}
