# Redis for one environment's queues, rate limits and heartbeats. Reachable from the cluster only, over TLS with
# an auth token.
resource "aws_elasticache_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

resource "aws_security_group" "this" {
  name        = "${var.name}-redis"
  description = "Redis of ${var.name}: reachable from the cluster only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  security_group_id            = aws_security_group.this.id
  referenced_security_group_id = var.client_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  description                  = "Redis from the cluster"
}

# BullMQ loses jobs if Redis evicts keys under memory pressure; readiness refuses any other policy.
resource "aws_elasticache_parameter_group" "this" {
  name   = var.name
  family = var.parameter_group_family

  parameter {
    name  = "maxmemory-policy"
    value = "noeviction"
  }
}

# URL-safe characters only: the token is embedded in REDIS_URL.
resource "random_password" "auth_token" {
  length  = 64
  special = false
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = var.name
  description          = "Queues, rate limits and heartbeats of ${var.name}"
  engine               = "redis"
  engine_version       = var.engine_version
  node_type            = var.node_type
  port                 = 6379

  num_cache_clusters         = 1 + var.replicas
  automatic_failover_enabled = var.replicas > 0
  multi_az_enabled           = var.replicas > 0 && var.multi_az

  parameter_group_name = aws_elasticache_parameter_group.this.name
  subnet_group_name    = aws_elasticache_subnet_group.this.name
  security_group_ids   = [aws_security_group.this.id]

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = random_password.auth_token.result

  snapshot_retention_limit  = var.snapshot_retention_days
  final_snapshot_identifier = var.final_snapshot ? "${var.name}-final" : null
}
