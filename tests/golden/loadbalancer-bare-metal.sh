# cluster: sim/scenarios/cluster-bare-metal.yaml
# No cloud, as on kind or minikube: nobody answers for type LoadBalancer. The Service gets its
# NodePort and EXTERNAL-IP stays <pending>; the reader's machine on the LAN uses the NodePort.
kubectl apply -f web-netexec.yaml
kubectl apply -f web-lb-cluster.yaml
sleep 30
kubectl get svc web
kubectl describe svc web
PORT=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')
curl -s http://192.168.10.11:$PORT/hostname; echo
cloud lb list
