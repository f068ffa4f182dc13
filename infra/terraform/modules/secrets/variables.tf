variable "prefix" {
  description = "Path every secret name starts with; carries the project and the environment (ladder/staging)."
  type        = string
}

variable "values" {
  description = "Secret value by name, e.g. { database-url = \"postgres://…\" }."
  type        = map(string)
  sensitive   = true
}

variable "recovery_window_days" {
  description = "Days a deleted secret can still be restored (0 deletes at once)."
  type        = number
}
