# The "Using Source IP" tutorial (kubernetes.io/docs/tutorials/services/source-ip/), replayed:
# echoserver answers with the client address it saw, through a ClusterIP, a NodePort with
# externalTrafficPolicy Cluster then Local, and a cloud load balancer with its health check port.
kubectl create deployment source-ip-app --image=registry.k8s.io/echoserver:1.10
kubectl get nodes
ssh node-1 curl -s http://localhost:10249/proxyMode; echo
kubectl expose deployment source-ip-app --name=clusterip --port=80 --target-port=8080
sleep 10
kubectl get svc clusterip
kubectl run busybox -it --image=busybox:1.28 --restart=Never --rm
ip addr
wget -qO - 10.98.124.95
exit
kubectl expose deployment source-ip-app --name=nodeport --port=80 --target-port=8080 --type=NodePort
NODEPORT=$(kubectl get -o jsonpath="{.spec.ports[0].nodePort}" services nodeport)
NODES=$(kubectl get nodes -o jsonpath='{ $.items[*].status.addresses[?(@.type=="ExternalIP")].address }')
for node in $NODES; do curl -s $node:$NODEPORT | grep -i client_address; done
kubectl patch svc nodeport -p '{"spec":{"externalTrafficPolicy":"Local"}}'
sleep 2
for node in $NODES; do curl --connect-timeout 1 -s $node:$NODEPORT | grep -i client_address; done
kubectl expose deployment source-ip-app --name=loadbalancer --port=80 --target-port=8080 --type=LoadBalancer
sleep 10
kubectl get svc loadbalancer
curl -sS -m 3 203.0.113.13 | grep client_address
sleep 20
curl -s 203.0.113.13 | grep client_address
kubectl patch svc loadbalancer -p '{"spec":{"externalTrafficPolicy":"Local"}}'
kubectl get svc loadbalancer -o yaml | grep -i healthCheckNodePort
kubectl get pod -o wide -l app=source-ip-app
ssh node-1 curl -s localhost:$(kubectl get svc loadbalancer -o jsonpath='{.spec.healthCheckNodePort}')/healthz; echo
ssh node-2 curl -s localhost:$(kubectl get svc loadbalancer -o jsonpath='{.spec.healthCheckNodePort}')/healthz; echo
sleep 10
curl -s 203.0.113.13 | grep client_address
kubectl delete svc -l app=source-ip-app
kubectl delete deployment source-ip-app
