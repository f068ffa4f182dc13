output "hostname" {
  description = "The record's full name."
  value       = aws_route53_record.this.fqdn
}
