# Metrics, alerts and a dashboard for the ingest service, mailing one channel.
resource "google_monitoring_notification_channel" "email" {
  project      = var.project_id
  display_name = "Data team"
  type         = "email"
  labels = {
    email_address = "data-team@example.com"
  }
}

module "monitoring" {
  source = "../.."

  project_id            = var.project_id
  environment           = "prod"
  ingest_service_name   = "dc-ingest"
  notification_channels = [google_monitoring_notification_channel.email.id]

  freshness_hours = {
    cars = 23
  }
}

variable "project_id" {
  type        = string
  description = "Project to deploy the example into."
}

output "dashboard_id" {
  description = "The dashboard."
  value       = module.monitoring.dashboard_id
}
