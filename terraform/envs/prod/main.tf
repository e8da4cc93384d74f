locals {
  catalog  = yamldecode(file("${path.module}/${var.catalog_file}"))
  datasets = { for d in try(local.catalog.datasets, []) : d.name => d }

  # The catalog's YAML spelling (kebab-case, optional keys) mapped to the data_platform table type.
  tables = [for name, d in local.datasets : {
    table_id    = d.target.table
    description = try(d.description, null)
    schema = [for c in d.schema : {
      name        = c.name
      type        = upper(try(c.type, "STRING"))
      mode        = upper(try(c.mode, "NULLABLE"))
      description = try(c.description, null)
    }]
    partitioning = try(d.partitioning, null) == null ? null : {
      type  = upper(try(d.partitioning.type, "DAY"))
      field = try(d.partitioning.field, null)
    }
    clustering = try(d.clustering, [])
  } if d.target.dataset == var.dataset_id]

  bucket_prefix   = "${var.project_id}-dc"
  deployer_member = "serviceAccount:${module.github_cicd.service_accounts.deployer}"

  apis = toset([
    "artifactregistry.googleapis.com",
    "bigquery.googleapis.com",
    "cloudbuild.googleapis.com",
    "cloudscheduler.googleapis.com",
    "dataflow.googleapis.com",
    "eventarc.googleapis.com",
    "iam.googleapis.com",
    "iamcredentials.googleapis.com",
    "logging.googleapis.com",
    "monitoring.googleapis.com",
    "pubsub.googleapis.com",
    "run.googleapis.com",
    "sts.googleapis.com",
  ])
}

check "catalog_targets_this_dataset" {
  assert {
    condition     = length(local.tables) == length(local.datasets)
    error_message = "Every catalog dataset must target the BigQuery dataset ${var.dataset_id}; the others get no table here."
  }
}

resource "google_project_service" "main" {
  for_each           = local.apis
  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

module "data_platform" {
  source = "../../modules/data_platform"

  project_id          = var.project_id
  environment         = var.environment
  location            = var.location
  bucket_name         = "${local.bucket_prefix}-staging"
  raw_lifecycle       = var.raw_retention
  dataset_id          = var.dataset_id
  tables              = local.tables
  deletion_protection = var.deletion_protection

  depends_on = [google_project_service.main]
}

module "github_cicd" {
  source = "../../modules/github_cicd"

  project_id                 = var.project_id
  region                     = var.region
  environment                = var.environment
  github_repository          = var.github_repository
  github_repository_id       = var.github_repository_id
  restrict_to_default_branch = var.restrict_to_default_branch
  state_bucket               = var.state_bucket
  plan_bucket_name           = "${local.bucket_prefix}-plans"
  source_bucket_name         = "${local.bucket_prefix}-build-sources"
  logs_bucket_name           = "${local.bucket_prefix}-build-logs"
  deletion_protection        = var.deletion_protection

  depends_on = [google_project_service.main]
}

module "dataflow" {
  source   = "../../modules/dataflow_job"
  for_each = var.dataflow_loads

  project_id         = var.project_id
  region             = var.region
  environment        = var.environment
  name               = each.key
  template_version   = var.dataflow_template_version
  bucket_name        = module.data_platform.bucket.name
  input_file_pattern = each.value.input_file_pattern
  schedule           = each.value.schedule
  max_workers        = each.value.max_workers
  schema             = [for c in local.datasets[each.key].schema : { name = c.name, type = upper(try(c.type, "STRING")) }]
  output_table       = module.data_platform.tables[local.datasets[each.key].target.table]
  output_dataset_id  = module.data_platform.dataset.dataset_id
  bad_records_table  = module.data_platform.bad_records_tables[local.datasets[each.key].target.table]
  deployer_member    = local.deployer_member
  csv = {
    delimiter       = try(local.datasets[each.key].csv.delimiter, ",")
    contains_header = try(local.datasets[each.key].csv.header, true)
  }
}

module "ingest_service" {
  source = "../../modules/ingest_service"

  project_id          = var.project_id
  region              = var.region
  environment         = var.environment
  image               = var.ingest_image
  bucket_name         = module.data_platform.bucket.name
  dataset_id          = module.data_platform.dataset.dataset_id
  scaling             = var.ingest_scaling
  resources           = var.ingest_resources
  deletion_protection = var.deletion_protection
  deployer_member     = local.deployer_member
  env = {
    LOCATION        = var.location
    DATAFLOW_REGION = var.region
  }

  depends_on = [google_project_service.main]
}

module "monitoring" {
  source = "../../modules/monitoring"

  project_id              = var.project_id
  environment             = var.environment
  ingest_service_name     = module.ingest_service.service.name
  notification_channels   = var.notification_channels
  freshness_hours         = var.freshness_hours
  run_5xx_ratio_threshold = var.run_5xx_ratio_threshold
  enable_dataflow_alert   = length(var.dataflow_loads) > 0

  depends_on = [google_project_service.main]
}
