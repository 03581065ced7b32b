# The "Exposing an External IP Address to Access an Application in a Cluster" tutorial, replayed.
kubectl apply -f load-balancer-example.yaml
kubectl get deployments hello-world
kubectl describe deployments hello-world
kubectl get replicasets
kubectl describe replicasets
kubectl expose deployment hello-world --type=LoadBalancer --name=my-service
sleep 30
kubectl get services my-service
kubectl describe services my-service
kubectl get pods --output=wide
curl http://203.0.113.13:8080
kubectl delete services my-service
kubectl delete deployment hello-world
