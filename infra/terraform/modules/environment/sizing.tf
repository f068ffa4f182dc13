# What each environment gets, small → large. The roots only name their environment; everything that differs
# between staging and production is in this one map, so `git diff` of a sizing change shows all of it.
# Production alone is multi-AZ, deletion-protected and keeps a final snapshot.
locals {
  sizing = {
    staging = {
      database_instance_class        = "db.t4g.small"
      database_allocated_storage     = 20
      database_max_allocated_storage = 50
      database_backup_retention_days = 3
      redis_node_type                = "cache.t4g.small"
      redis_replicas                 = 0
      redis_snapshot_retention_days  = 1
      multi_az                       = false
      deletion_protection            = false
      final_snapshot                 = false
      secret_recovery_window_days    = 7
    }
    production = {
      database_instance_class        = "db.m7g.large"
      database_allocated_storage     = 100
      database_max_allocated_storage = 500
      database_backup_retention_days = 14
      redis_node_type                = "cache.m7g.large"
      redis_replicas                 = 1
      redis_snapshot_retention_days  = 7
      multi_az                       = true
      deletion_protection            = true
      final_snapshot                 = true
      secret_recovery_window_days    = 30
    }
  }

  size = local.sizing[var.environment]
}
