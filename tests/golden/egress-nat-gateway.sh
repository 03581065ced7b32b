# cluster: sim/scenarios/cluster-private-nat.yaml
# Nodes in a private subnet: no public IP of their own. The subnet's default route leads to the
# NAT gateway, whose public IP is the address the world sees.
kubectl run client --image=nicolaka/netshoot -- sleep infinity
sleep 10
cloud nat list
cloud ip list
kubectl exec client -- curl -s http://198.51.100.20/
