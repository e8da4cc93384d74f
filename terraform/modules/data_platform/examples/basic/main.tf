# A staging bucket and a dataset with one partitioned, clustered table and its bad-records table.
module "data_platform" {
  source = "../.."

  project_id  = var.project_id
  environment = "dev"
  location    = "EU"
  bucket_name = "${var.project_id}-dc-staging"

  raw_lifecycle = {
    nearline_after_days = 30
    delete_after_days   = 365
  }

  datasets = {
    dc_ingest = {
      tables = [{
        table_id    = "cars"
        description = "vega-datasets cars.csv"
        schema = [
          { name = "name", type = "STRING", mode = "REQUIRED" },
          { name = "miles_per_gallon", type = "FLOAT" },
          { name = "year", type = "DATE" },
          { name = "origin", type = "STRING" },
        ]
        partitioning = { type = "YEAR", field = "year" }
        clustering   = ["origin"]
      }]
    }
  }
}

variable "project_id" {
  type        = string
  description = "Project to deploy the example into."
}

output "tables" {
  description = "Fully qualified table ids."
  value       = module.data_platform.tables
}
