# Many apps behind one address: the controller is installed, the cafe apps and their Ingress applied.
kubectl apply -f nginx-ingress.yaml
kubectl rollout status deployment/nginx-ingress -n nginx-ingress
kubectl apply -f cafe.yaml
kubectl apply -f example-tls.yaml
kubectl apply -f cafe-ingress.yaml
kubectl apply -f client.yaml
kubectl wait --for=condition=Ready pod --all --timeout=60s
# The cloud takes a few seconds to provision the controller's load balancer; the controller then
# copies its address into the Ingress's status.
sleep 10
kubectl get ingress cafe
# TLS ends at the controller: curl checks the certificate it presents for the name asked for (SNI).
kubectl exec client -- curl -sv --cacert /etc/example-ca/ca.crt --resolve foo.example.com:443:$(kubectl get ingress cafe -o jsonpath={.status.loadBalancer.ingress[0].ip}) https://foo.example.com/tea
