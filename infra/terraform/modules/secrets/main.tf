# One secret per value, named <project>/<environment>/<name>: an IAM policy or a reader can never confuse
# staging's credentials with production's.
resource "aws_secretsmanager_secret" "this" {
  # The names are not secret; the values stay marked.
  for_each = nonsensitive(toset(keys(var.values)))

  name                    = "${var.prefix}/${each.key}"
  recovery_window_in_days = var.recovery_window_days
}

resource "aws_secretsmanager_secret_version" "this" {
  for_each = aws_secretsmanager_secret.this

  secret_id     = each.value.id
  secret_string = var.values[each.key]
}
