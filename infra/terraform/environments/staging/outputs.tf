# Where each output goes: "Outputs → deploy configuration" in infra/README.md.
output "namespace" {
  description = "Kubernetes namespace of the environment."
  value       = module.environment.namespace
}

output "service_accounts" {
  description = "Service account of each workload (serviceAccountName in the templates)."
  value       = module.environment.service_accounts
}

output "workload_role_arns" {
  description = "Cloud role each workload's pods receive through EKS Pod Identity."
  value       = module.environment.workload_role_arns
}

output "s3_bucket" {
  description = "S3_BUCKET in config.env."
  value       = module.environment.s3_bucket
}

output "s3_region" {
  description = "S3_REGION in config.env."
  value       = module.environment.s3_region
}

output "public_url" {
  description = "PUBLIC_URL in config.env."
  value       = module.environment.public_url
}

output "secret_names" {
  description = "Secret store name of each GitHub environment secret (SECRET_KEY, DATABASE_URL, REDIS_URL)."
  value       = module.environment.secret_names
}
