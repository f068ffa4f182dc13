# rds.force_ssl makes TLS mandatory. `no-verify` encrypts without checking the server certificate, because the
# images do not carry the RDS certificate bundle; ship it (NODE_EXTRA_CA_CERTS) and switch to verify-full.
output "url" {
  description = "DATABASE_URL for the apps; stored in the secret store, never printed."
  value       = "postgres://${aws_db_instance.this.username}:${random_password.owner.result}@${aws_db_instance.this.address}:${aws_db_instance.this.port}/${aws_db_instance.this.db_name}?sslmode=no-verify"
  sensitive   = true
}

output "address" {
  description = "Host name of the instance."
  value       = aws_db_instance.this.address
}
