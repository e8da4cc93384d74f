output "bucket" {
  description = "The staging bucket: name, url (gs://…) and self_link."
  value = {
    name      = google_storage_bucket.main.name
    url       = google_storage_bucket.main.url
    self_link = google_storage_bucket.main.self_link
  }
}

output "dataset" {
  description = "The BigQuery dataset: dataset_id, project and location."
  value = {
    dataset_id = google_bigquery_dataset.main.dataset_id
    project    = google_bigquery_dataset.main.project
    location   = google_bigquery_dataset.main.location
  }
}

output "tables" {
  description = "Map of table_id to its fully qualified id (project:dataset.table, the form Dataflow templates take)."
  value       = { for k, t in google_bigquery_table.main : k => "${t.project}:${t.dataset_id}.${t.table_id}" }
}

output "bad_records_tables" {
  description = "Map of table_id to the fully qualified id of its bad-records table (empty when quarantine_tables is false)."
  value       = { for k, t in google_bigquery_table.bad_records : k => "${t.project}:${t.dataset_id}.${t.table_id}" }
}
