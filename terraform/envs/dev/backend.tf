# State lives in a bucket created once, before the first apply (see docs/terraform.md). Point init at your own
# bucket with `terraform init -backend-config="bucket=<name>"`; the prefix is what separates the environments.
terraform {
  backend "gcs" {
    bucket = "dc-pipeline-tfstate"
    prefix = "envs/dev"
  }
}
