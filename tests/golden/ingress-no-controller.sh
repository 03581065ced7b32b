# An Ingress with no controller installed: the API stores it, nothing reads it.
kubectl apply -f ../../sim/scenarios/ingress/cafe.yaml
kubectl apply -f ../../sim/scenarios/ingress/cafe-ingress.yaml
kubectl rollout status deployment/coffee
sleep 30
kubectl get ingress
kubectl describe ingress cafe
kubectl get ingressclass
# Nothing listens for it: port 80 on a node refuses the connection.
kubectl run client --image=curlimages/curl:8.7.1 --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/client
kubectl exec client -- curl -sS -H 'Host: foo.example.com' http://10.0.1.11/coffee
