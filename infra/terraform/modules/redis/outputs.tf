output "url" {
  description = "REDIS_URL for the apps (TLS); stored in the secret store, never printed."
  value       = "rediss://:${random_password.auth_token.result}@${aws_elasticache_replication_group.this.primary_endpoint_address}:${aws_elasticache_replication_group.this.port}/0"
  sensitive   = true
}

output "address" {
  description = "Host name of the primary endpoint."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}
