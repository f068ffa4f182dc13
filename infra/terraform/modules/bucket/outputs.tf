output "name" {
  description = "Bucket name (S3_BUCKET)."
  value       = aws_s3_bucket.this.bucket
}

output "arn" {
  description = "Bucket ARN, the only resource the workload roles may touch."
  value       = aws_s3_bucket.this.arn
}

output "region" {
  description = "Region the bucket lives in (S3_REGION)."
  value       = aws_s3_bucket.this.region
}
