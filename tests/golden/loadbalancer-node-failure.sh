# A node fails behind the load balancer: its health checks fail, the target turns unhealthy and new
# connections go to the other nodes; once the node is NotReady its Pod leaves the endpoints too.
kubectl apply -f web-netexec.yaml
kubectl apply -f web-lb-cluster.yaml
sleep 30
LB=$(cloud lb list | tail -1 | cut -d' ' -f1)
sim stop node node-1
sleep 30
cloud lb describe $LB
curl -sS -m 5 http://203.0.113.13/
sleep 60
kubectl get nodes
kubectl get endpointslices -l kubernetes.io/service-name=web
curl -s http://203.0.113.13/hostname; echo
curl -s http://203.0.113.13/hostname; echo
sim start node node-1
sleep 60
cloud lb describe $LB
