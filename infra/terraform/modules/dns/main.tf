# The environment's public host, pointing at the ingress controller that terminates TLS.
data "aws_route53_zone" "this" {
  name         = var.zone_name
  private_zone = false
}

resource "aws_route53_record" "this" {
  zone_id = data.aws_route53_zone.this.zone_id
  name    = var.hostname
  type    = "CNAME"
  ttl     = 300
  records = [var.target]
}
