variable "zone_name" {
  description = "Public hosted zone that holds the host, e.g. example.com."
  type        = string
}

variable "hostname" {
  description = "Public host of the environment (PUBLIC_URL without https://)."
  type        = string
}

variable "target" {
  description = "Host name of the ingress controller's load balancer."
  type        = string
}
