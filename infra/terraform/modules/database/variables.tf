variable "name" {
  description = "Name of every resource of this database; carries the project and the environment."
  type        = string
}

variable "database_name" {
  description = "Database created on the instance; also its owner's user name."
  type        = string
}

variable "engine_version" {
  description = "PostgreSQL major version, the one the compose files and tests run."
  type        = string
  default     = "17"
}

variable "instance_class" {
  description = "Instance class, from the sizing map."
  type        = string
}

variable "allocated_storage" {
  description = "Initial storage in GiB."
  type        = number
}

variable "max_allocated_storage" {
  description = "Ceiling for storage autoscaling in GiB."
  type        = number
}

variable "backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery window)."
  type        = number
}

variable "multi_az" {
  description = "Keep a synchronous standby in another availability zone."
  type        = bool
}

variable "deletion_protection" {
  description = "Refuse to delete the instance until this is turned off."
  type        = bool
}

variable "final_snapshot" {
  description = "Take a snapshot when the instance is destroyed."
  type        = bool
}

variable "vpc_id" {
  description = "VPC the instance lives in."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets, in at least two availability zones."
  type        = list(string)
}

variable "client_security_group_id" {
  description = "Security group of the pods that may connect (the cluster's)."
  type        = string
}
