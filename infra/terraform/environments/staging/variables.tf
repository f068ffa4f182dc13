# Inputs come from terraform.tfvars. Its committed CHANGE_ME placeholders are refused, as in config.env.

variable "project" {
  description = "Project name; the first part of every resource name."
  type        = string
  default     = "ladder"
}

variable "region" {
  description = "AWS region of the environment."
  type        = string

  validation {
    condition     = !strcontains(var.region, "CHANGE_ME")
    error_message = "Replace CHANGE_ME in region (terraform.tfvars)."
  }
}

variable "cluster_name" {
  description = "EKS cluster the environment runs on (with the EKS Pod Identity agent add-on)."
  type        = string

  validation {
    condition     = !strcontains(var.cluster_name, "CHANGE_ME")
    error_message = "Replace CHANGE_ME in cluster_name (terraform.tfvars)."
  }
}

variable "subnet_ids" {
  description = "Private subnets of the cluster's VPC for the database and Redis, in at least two availability zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2 && alltrue([for id in var.subnet_ids : startswith(id, "subnet-") && !strcontains(id, "CHANGE_ME")])
    error_message = "List at least two subnet ids (subnet-…) in different availability zones."
  }
}

variable "bucket_suffix" {
  description = "Appended to the bucket name <project>-media-<environment> when that is taken, e.g. \"-acme\"."
  type        = string
  default     = ""
}

variable "dns_zone_name" {
  description = "Public Route 53 hosted zone holding the host, e.g. example.com."
  type        = string

  validation {
    condition     = !strcontains(var.dns_zone_name, "CHANGE_ME")
    error_message = "Replace CHANGE_ME in dns_zone_name (terraform.tfvars)."
  }
}

variable "hostname" {
  description = "Public host of the environment, e.g. app.example.com."
  type        = string

  validation {
    condition     = !strcontains(var.hostname, "CHANGE_ME")
    error_message = "Replace CHANGE_ME in hostname (terraform.tfvars)."
  }
}

variable "ingress_hostname" {
  description = "Host name of the ingress controller's load balancer (kubectl get svc -n ingress-nginx)."
  type        = string

  validation {
    condition     = !strcontains(var.ingress_hostname, "CHANGE_ME")
    error_message = "Replace CHANGE_ME in ingress_hostname (terraform.tfvars)."
  }
}
