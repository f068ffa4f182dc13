# The namespace, and a cloud role per workload bound to its service account through EKS Pod Identity. The apps take
# no S3 keys: the SDK picks up the role from the pod identity agent. The service accounts themselves are the
# cluster templates' (infra/environments/base/service-accounts.yaml): an association names its account and needs
# no annotation on it, so the binding has one owner, this module, and the account one, the templates.
resource "kubernetes_namespace_v1" "this" {
  metadata {
    name = var.namespace

    # The templates meet the restricted level; the namespace refuses anything that does not.
    labels = {
      "pod-security.kubernetes.io/enforce" = "restricted"
    }
  }
}

# Earlier versions created the accounts here too. A state that holds them forgets them without deleting them: the
# templates apply the same accounts and keep them.
removed {
  from = kubernetes_service_account_v1.workload

  lifecycle {
    destroy = false
  }
}

# Only the pod identity agent may assume a role, and only for the one service account it belongs to (the agent
# sets these session tags from the pod).
data "aws_iam_policy_document" "trust" {
  for_each = var.service_accounts

  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]

    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/kubernetes-namespace"
      values   = [var.namespace]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/kubernetes-service-account"
      values   = [each.value]
    }
  }
}

resource "aws_iam_role" "workload" {
  for_each = var.service_accounts

  name               = "${var.namespace}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.trust[each.key].json
}

# Objects of this environment's bucket and nothing else.
data "aws_iam_policy_document" "bucket" {
  statement {
    sid       = "ListTheBucket"
    actions   = ["s3:ListBucket"]
    resources = [var.bucket_arn]
  }

  statement {
    sid       = "ReadAndWriteObjects"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${var.bucket_arn}/*"]
  }
}

resource "aws_iam_role_policy" "bucket" {
  for_each = var.service_accounts

  name   = "${var.namespace}-${each.key}-bucket"
  role   = aws_iam_role.workload[each.key].id
  policy = data.aws_iam_policy_document.bucket.json
}

resource "aws_eks_pod_identity_association" "workload" {
  for_each = var.service_accounts

  cluster_name    = var.cluster_name
  namespace       = kubernetes_namespace_v1.this.metadata[0].name
  service_account = each.value
  role_arn        = aws_iam_role.workload[each.key].arn
}
