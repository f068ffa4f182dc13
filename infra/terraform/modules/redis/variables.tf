variable "name" {
  description = "Name of every resource of this Redis; carries the project and the environment."
  type        = string
}

variable "engine_version" {
  description = "Redis OSS version."
  type        = string
  default     = "7.1"
}

variable "parameter_group_family" {
  description = "Parameter group family matching engine_version."
  type        = string
  default     = "redis7"
}

variable "node_type" {
  description = "Node type, from the sizing map."
  type        = string
}

variable "replicas" {
  description = "Read replicas beside the primary; one or more turns on automatic failover."
  type        = number
}

variable "multi_az" {
  description = "Place replicas in other availability zones (needs at least one replica)."
  type        = bool
}

variable "snapshot_retention_days" {
  description = "Days of daily snapshots (0 turns them off)."
  type        = number
}

variable "final_snapshot" {
  description = "Take a snapshot when the replication group is destroyed."
  type        = bool
}

variable "vpc_id" {
  description = "VPC the nodes live in."
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
