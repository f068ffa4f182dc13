# Everything one environment needs in the cloud, composed from the provider-specific modules beside this one.
# Another cloud replaces those modules and keeps this composition, the sizing map and the outputs.
locals {
  # <project>-<environment>: the name, or first part of the name, of every resource.
  name = "${var.project}-${var.environment}"

  # The Kubernetes templates refer to these names; the namespace tells the environments apart.
  service_accounts = {
    web    = "${var.project}-web"
    worker = "${var.project}-worker"
  }
}

module "bucket" {
  source = "../bucket"

  name = "${var.project}-media-${var.environment}${var.bucket_suffix}"
}

# Database and user names take letters and digits only; the project name may hold hyphens.
module "database" {
  source = "../database"

  name                     = local.name
  database_name            = replace(var.project, "/[^0-9A-Za-z]/", "")
  instance_class           = local.size.database_instance_class
  allocated_storage        = local.size.database_allocated_storage
  max_allocated_storage    = local.size.database_max_allocated_storage
  backup_retention_days    = local.size.database_backup_retention_days
  multi_az                 = local.size.multi_az
  deletion_protection      = local.size.deletion_protection
  final_snapshot           = local.size.final_snapshot
  vpc_id                   = var.vpc_id
  subnet_ids               = var.subnet_ids
  client_security_group_id = var.client_security_group_id
}

module "redis" {
  source = "../redis"

  name                     = local.name
  node_type                = local.size.redis_node_type
  replicas                 = local.size.redis_replicas
  multi_az                 = local.size.multi_az
  snapshot_retention_days  = local.size.redis_snapshot_retention_days
  final_snapshot           = local.size.final_snapshot
  vpc_id                   = var.vpc_id
  subnet_ids               = var.subnet_ids
  client_security_group_id = var.client_security_group_id
}

# Signs sessions and keys the configuration fingerprint; 48 characters like `openssl rand -base64 48`.
resource "random_password" "secret_key" {
  length = 48
}

module "secrets" {
  source = "../secrets"

  prefix               = "${var.project}/${var.environment}"
  recovery_window_days = local.size.secret_recovery_window_days
  values = {
    "secret-key"   = random_password.secret_key.result
    "database-url" = module.database.url
    "redis-url"    = module.redis.url
  }
}

module "workload_identity" {
  source = "../workload-identity"

  namespace        = local.name
  service_accounts = local.service_accounts
  cluster_name     = var.cluster_name
  bucket_arn       = module.bucket.arn
}

module "dns" {
  source = "../dns"

  zone_name = var.dns_zone_name
  hostname  = var.hostname
  target    = var.ingress_hostname
}
