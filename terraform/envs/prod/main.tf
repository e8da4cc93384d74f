locals {
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

check "dataflow_loads_are_catalog_datasets" {
  assert {
    condition     = alltrue([for name in keys(var.dataflow_loads) : contains(keys(local.datasets), name)])
    error_message = "Every dataflow_loads key must be a dataset name of the catalog (${join(", ", keys(local.datasets))})."
  }
}

check "ingest_dataflow_worker_is_a_dataflow_load" {
  assert {
    condition     = var.ingest_dataflow_worker == null || contains(keys(var.dataflow_loads), coalesce(var.ingest_dataflow_worker, "-"))
    error_message = "ingest_dataflow_worker must be null or a key of dataflow_loads (${join(", ", keys(var.dataflow_loads))})."
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
  datasets            = local.bigquery_datasets
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
  schema             = [for c in local.datasets[each.key].schema : { name = c.name, type = upper(c.type) }]
  output_table       = module.data_platform.tables["${local.table_of[each.key].dataset_id}.${local.table_of[each.key].table_id}"]
  output_dataset_id  = local.table_of[each.key].dataset_id
  bad_records_table  = module.data_platform.bad_records_tables["${local.table_of[each.key].dataset_id}.${local.table_of[each.key].table_id}"]
  deployer_member    = local.deployer_member
  # The stage rewrites every source as UTF-8, comma-separated, with a header row, whatever the catalog's
  # dialect: the template reads staged objects, so its defaults are right for all of them.
  csv = {}

  depends_on = [google_project_service.main]
}

module "ingest_service" {
  source = "../../modules/ingest_service"

  project_id          = var.project_id
  region              = var.region
  environment         = var.environment
  image               = var.ingest_image
  bucket_name         = module.data_platform.bucket.name
  dataset_ids         = keys(module.data_platform.datasets)
  scaling             = var.ingest_scaling
  resources           = var.ingest_resources
  deletion_protection = var.deletion_protection
  deployer_member     = local.deployer_member

  workload_identity_members = [module.github_cicd.default_branch_principal]
  schedules                 = var.ingest_schedules

  # With ingest_dataflow_worker null, DATAFLOW_REGION is not set: datasets with `load: dataflow` are staged and
  # left to the scheduled dataflow_loads, whose worker identity is managed here. Naming one of those loads lets
  # the service launch the template itself, with its workers running as that load's worker account.
  env = merge(
    { LOCATION = var.location },
    var.ingest_dataflow_worker == null ? {} : { DATAFLOW_REGION = var.region },
  )
  dataflow_worker_service_account = var.ingest_dataflow_worker == null ? null : module.dataflow[var.ingest_dataflow_worker].worker_service_account_email

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
