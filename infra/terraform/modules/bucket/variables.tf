variable "name" {
  description = "Bucket name; carries the project and the environment (S3 names are global, so keep a suffix if taken)."
  type        = string
}
