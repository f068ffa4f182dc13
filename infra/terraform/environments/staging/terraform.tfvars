# Staging's inputs, reviewed like code. Replace every CHANGE_ME before the first apply.
region           = "CHANGE_ME"
cluster_name     = "CHANGE_ME"
subnet_ids       = ["subnet-CHANGE_ME", "subnet-CHANGE_ME"]
dns_zone_name    = "CHANGE_ME.example"
hostname         = "staging.CHANGE_ME.example"
ingress_hostname = "CHANGE_ME.elb.amazonaws.com"
