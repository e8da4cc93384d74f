# Kept apart from main.tf so the mapping can be evaluated on its own: test/infra/catalog-mapping.test.ts runs
# real Terraform on this file and the data_platform variable validations, offline, against datasets.yaml.
locals {
  # The ingest catalog (datasets.yaml) is the one description of every dataset: its entries become BigQuery
  # tables here with the same schema, partitioning and clustering the ingest loads with.
  catalog  = yamldecode(file("${path.module}/${var.catalog_file}"))
  datasets = { for d in local.catalog.datasets : d.name => d }

  # The catalog's YAML spelling (kebab-case, optional keys with defaults) mapped to the data_platform types.
  # target.table defaults to the dataset's name, column mode to NULLABLE, as in the catalog's own schema.
  table_of = { for name, d in local.datasets : name => {
    dataset_id = d.target.dataset
    table_id   = try(d.target.table, name)
  } }

  bigquery_datasets = { for id in distinct([for t in values(local.table_of) : t.dataset_id]) : id => {
    tables = [for name, d in local.datasets : {
      table_id    = local.table_of[name].table_id
      description = try(d.description, null)
      schema = [for c in d.schema : {
        name        = c.name
        type        = upper(c.type)
        mode        = upper(try(c.mode, "NULLABLE"))
        description = try(c.description, null)
      }]
      partitioning = try(d.partitioning, null) == null ? null : {
        type  = upper(d.partitioning.type)
        field = try(d.partitioning.field, null)
      }
      clustering = try(d.clustering, [])
    } if local.table_of[name].dataset_id == id]
  } }
}
