output "bucket" {
  description = "The staging bucket: name, url (gs://…) and self_link."
  value = {
    name      = google_storage_bucket.main.name
    url       = google_storage_bucket.main.url
    self_link = google_storage_bucket.main.self_link
  }
}

output "datasets" {
  description = "The BigQuery datasets by id: dataset_id, project and location of each."
  value = { for id, d in google_bigquery_dataset.main : id => {
    dataset_id = d.dataset_id
    project    = d.project
    location   = d.location
  } }
}

output "tables" {
  description = "Map of dataset.table to its fully qualified id (project:dataset.table, the form Dataflow templates take)."
  value       = { for k, t in google_bigquery_table.main : k => "${t.project}:${t.dataset_id}.${t.table_id}" }
}

output "bad_records_tables" {
  description = "Map of dataset.table to the fully qualified id of its bad-records table (empty when quarantine_tables is false)."
  value       = { for k, t in google_bigquery_table.bad_records : k => "${t.project}:${t.dataset_id}.${t.table_id}" }
}
