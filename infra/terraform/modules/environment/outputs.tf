# What the deploy configuration needs; infra/README.md says where each value goes. No secret value leaves
# the secret store through an output: secret_names says where to read each one.
output "namespace" {
  description = "Kubernetes namespace of the environment (the overlay's namespace)."
  value       = module.workload_identity.namespace
}

output "service_accounts" {
  description = "Service account of each workload (serviceAccountName in the templates)."
  value       = module.workload_identity.service_accounts
}

output "workload_role_arns" {
  description = "Cloud role each workload's pods receive."
  value       = module.workload_identity.role_arns
}

output "s3_bucket" {
  description = "S3_BUCKET in config.env."
  value       = module.bucket.name
}

output "s3_region" {
  description = "S3_REGION in config.env."
  value       = module.bucket.region
}

output "public_url" {
  description = "PUBLIC_URL in config.env (its host also goes to ALLOWED_HOSTS and the Ingress)."
  value       = "https://${module.dns.hostname}"
}

output "secret_names" {
  description = "Secret store name of each GitHub environment secret the deploy workflows read."
  value = {
    SECRET_KEY   = module.secrets.names["secret-key"]
    DATABASE_URL = module.secrets.names["database-url"]
    REDIS_URL    = module.secrets.names["redis-url"]
  }
}
