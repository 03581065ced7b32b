# cluster: sim/scenarios/cluster-private-no-nat.yaml
# Nodes in a private subnet with no NAT gateway: the route table has no default route, so no Pod
# (and no node) reaches the internet. The cluster itself works.
kubectl run client --image=nicolaka/netshoot -- sleep infinity
sleep 10
cloud ip list
kubectl exec client -- curl -sS -m 5 http://198.51.100.20/
kubectl get pods -o wide
