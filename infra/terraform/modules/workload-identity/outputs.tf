output "namespace" {
  description = "Namespace the kustomize overlay deploys into."
  value       = kubernetes_namespace_v1.this.metadata[0].name
}

output "service_accounts" {
  description = "Service account of each workload (serviceAccountName in the templates)."
  value       = { for workload, account in kubernetes_service_account_v1.workload : workload => account.metadata[0].name }
}

output "role_arns" {
  description = "Cloud role of each workload."
  value       = { for workload, role in aws_iam_role.workload : workload => role.arn }
}
