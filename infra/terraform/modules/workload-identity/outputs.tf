output "namespace" {
  description = "Namespace the kustomize overlay deploys into."
  value       = kubernetes_namespace_v1.this.metadata[0].name
}

output "service_accounts" {
  description = "Service account of each workload that has a role (serviceAccountName in the templates)."
  value       = { for workload, association in aws_eks_pod_identity_association.workload : workload => association.service_account }
}

output "role_arns" {
  description = "Cloud role of each workload."
  value       = { for workload, role in aws_iam_role.workload : workload => role.arn }
}
