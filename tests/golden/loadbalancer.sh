# A LoadBalancer Service on a cloud: the cloud controller manager asks the cloud for a load
# balancer (a listener per port, a target group of every node's NodePort, health checks) and
# writes its public IP to the Service's status. The reader's laptop calls it from the internet.
kubectl apply -f web-netexec.yaml
kubectl apply -f web-lb-cluster.yaml
sleep 30
kubectl get svc web
kubectl get svc web -o jsonpath='{.status}'
kubectl describe svc web
cloud lb list
LB=$(cloud lb list | tail -1 | cut -d' ' -f1)
cloud lb describe $LB
curl -s http://203.0.113.13/hostname; echo
curl -s http://203.0.113.13/hostname; echo
# Local: the health checks ask kube-proxy's healthCheckNodePort; only nodes with a Pod answer 200.
kubectl apply -f web-lb-local.yaml
sleep 30
kubectl describe svc web
cloud lb describe $LB
HC=$(kubectl get svc web -o jsonpath='{.spec.healthCheckNodePort}')
curl -s http://203.0.113.10:$HC/healthz
curl -s http://203.0.113.12:$HC/healthz
kubectl delete svc web
sleep 1
cloud lb list
cloud calls
