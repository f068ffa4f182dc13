# The staging environment: its own state, the shared modules, sized by modules/environment/sizing.tf.
# Apply: see "One-time setup" in infra/README.md.
terraform {
  required_version = ">= 1.10"

  # Bucket and region come from `tofu init -backend-config=…`; the key keeps this environment's state apart.
  backend "s3" {
    key          = "ladder/staging/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.27"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 3.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }
}

locals {
  environment = "staging"
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = var.project
      Environment = local.environment
      ManagedBy   = "opentofu"
    }
  }
}

data "aws_eks_cluster" "this" {
  name = var.cluster_name
}

data "aws_eks_cluster_auth" "this" {
  name = var.cluster_name
}

provider "kubernetes" {
  host                   = data.aws_eks_cluster.this.endpoint
  cluster_ca_certificate = base64decode(data.aws_eks_cluster.this.certificate_authority[0].data)
  token                  = data.aws_eks_cluster_auth.this.token
}

module "environment" {
  source = "../../modules/environment"

  project                  = var.project
  environment              = local.environment
  cluster_name             = var.cluster_name
  vpc_id                   = data.aws_eks_cluster.this.vpc_config[0].vpc_id
  subnet_ids               = var.subnet_ids
  client_security_group_id = data.aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
  bucket_suffix            = var.bucket_suffix
  dns_zone_name            = var.dns_zone_name
  hostname                 = var.hostname
  ingress_hostname         = var.ingress_hostname
}
