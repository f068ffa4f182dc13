variable "namespace" {
  description = "Kubernetes namespace of the environment; also the prefix of the cloud role names."
  type        = string
}

variable "service_accounts" {
  description = "Service account name of each workload, e.g. { web = \"ladder-web\" }: the names the cluster templates create."
  type        = map(string)
}

variable "cluster_name" {
  description = "EKS cluster whose pod identity agent hands the roles to the pods."
  type        = string
}

variable "bucket_arn" {
  description = "The environment's bucket: the only resource the workload roles may use."
  type        = string
}
