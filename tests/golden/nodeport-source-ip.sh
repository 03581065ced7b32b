# NodePort from the internet: the reader's laptop (192.0.2.10) calls a node's public IP.
# With externalTrafficPolicy Cluster the node masquerades the packet (a second hop may follow);
# with Local the Pod sees the laptop's address, and a node with no local Pod drops the packet.
kubectl apply -f web-netexec.yaml
kubectl apply -f web-nodeport-cluster.yaml
sleep 20
kubectl get svc web
kubectl get pods -o wide
cloud ip list
curl -s http://203.0.113.10:30080/clientip; echo
ssh node-1 conntrack -L -p tcp --orig-src 192.0.2.10
curl -s http://203.0.113.12:30080/clientip; echo
ssh node-3 conntrack -L -p tcp --orig-src 192.0.2.10
kubectl apply -f web-nodeport-local.yaml
sleep 2
ssh node-2 iptables-save -t nat | grep -E 'KUBE-(EXT|SVL)'
curl -s http://203.0.113.11:30080/clientip; echo
ssh node-2 conntrack -L -p tcp --orig-src 192.0.2.10
curl -sS -m 3 http://203.0.113.12:30080/
ssh node-3 iptables-save -t filter | grep 'has no local endpoints'
sim stop node node-2
curl -sS -m 3 http://203.0.113.11:30080/
