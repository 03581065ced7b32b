# hostPort: the CNI portmap plugin makes node-2 answer on port 8080 with the Pod (its DNAT in the
# nat table), from the laptop at node-2's public IP and from Pods at its node IP; the scheduler
# places no second Pod with that host port on node-2 (NodePorts), until the first one is gone.
kubectl apply -f hostport.yaml
kubectl wait --for=condition=Ready pod/web-hostport
kubectl get pod web-hostport -o wide
kubectl describe pod web-hostport | grep Port
ssh node-2 iptables-save -t nat | grep CNI
cloud ip list
curl -s http://203.0.113.11:8080/ | grep title
curl -sS -m 3 http://203.0.113.12:8080/
kubectl run client --image=curlimages/curl:8.7.1 --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/client
kubectl exec client -- curl -s http://10.0.1.12:8080/ | grep title
ssh node-2 conntrack -L -p tcp | grep dport=8080
kubectl apply -f hostport-second.yaml
sleep 2
kubectl get pod web-hostport-2
kubectl describe pod web-hostport-2 | grep -A4 Events:
kubectl delete pod web-hostport
sleep 5
kubectl get pod web-hostport-2 -o wide
ssh node-2 iptables-save -t nat | grep -c CNI-DN
# One host port per node: a fourth replica has nowhere to go.
kubectl apply -f hostport-deployment.yaml
sleep 10
kubectl get pods -l app=hostnames -o wide
kubectl describe pods -l app=hostnames | grep FailedScheduling
curl -s http://203.0.113.10:9376/; echo
