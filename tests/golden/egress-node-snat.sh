# Egress from a Pod on a cloud with nodes in a public subnet: ip-masq-agent masquerades the Pod's
# packet to its node's address, and the internet gateway maps that to the node's public IP. The
# echo host on the internet (198.51.100.20) answers with the address it sees.
kubectl run client --image=nicolaka/netshoot -- sleep infinity
sleep 10
kubectl get pod client -o wide
cloud ip list
kubectl exec client -- curl -s http://198.51.100.20/
NODE=$(kubectl get pod client -o jsonpath='{.spec.nodeName}')
ssh $NODE iptables-save -t nat | grep -E 'POSTROUTING|IP-MASQ-AGENT'
ssh $NODE ip route
