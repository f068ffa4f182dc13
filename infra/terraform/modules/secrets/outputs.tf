output "names" {
  description = "Secret store name of each value, by its short name."
  value       = { for key, secret in aws_secretsmanager_secret.this : key => secret.name }
}
