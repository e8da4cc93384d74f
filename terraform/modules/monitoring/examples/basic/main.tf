# Metrics, alerts and a dashboard for the ingest service, notifying existing channels.
module "monitoring" {
  source = "../.."

  project_id            = var.project_id
  environment           = "prod"
  ingest_service_name   = "dc-pipeline-ingest"
  notification_channels = var.notification_channels

  freshness_hours = {
    seattle_weather = 23
  }
}

variable "project_id" {
  type        = string
  description = "Project to deploy the example into."
}

variable "notification_channels" {
  type        = list(string)
  description = "Existing channels, e.g. projects/PROJECT/notificationChannels/123 (create them with google_monitoring_notification_channel)."
  default     = []
}

output "dashboard_id" {
  description = "The dashboard."
  value       = module.monitoring.dashboard_id
}
