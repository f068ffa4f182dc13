variable "project" {
  description = "Project name; the first part of every resource name."
  type        = string
  default     = "ladder"
}

variable "environment" {
  description = "Environment name; a key of the sizing map and part of every resource name."
  type        = string

  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "The environment must be staging or production (the keys of the sizing map in sizing.tf)."
  }
}

variable "cluster_name" {
  description = "EKS cluster that runs the environment's namespace."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the cluster, where the database and Redis live."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the database and Redis, in at least two availability zones."
  type        = list(string)
}

variable "client_security_group_id" {
  description = "Security group of the cluster's pods, the only clients of the database and Redis."
  type        = string
}

variable "bucket_suffix" {
  description = "Appended to the bucket name <project>-media-<environment> when that is taken (S3 names are global)."
  type        = string
  default     = ""
}

variable "dns_zone_name" {
  description = "Public hosted zone holding the host, e.g. example.com."
  type        = string
}

variable "hostname" {
  description = "Public host of the environment, e.g. staging.example.com."
  type        = string
}

variable "ingress_hostname" {
  description = "Host name of the ingress controller's load balancer, which the public host points at."
  type        = string
}
