# "Debug Services" (kubernetes.io/docs/tasks/debug/debug-application/debug-service/): a Deployment,
# its Pod IPs, a Service that does not exist yet, then exposing it; the Service by IP and each
# endpoint from a Pod; then on a node, as the tutorial's kube-proxy part does it: is kube-proxy
# running (ps, its log), its iptables rules, and the Service by IP from the node.
kubectl create deployment hostnames --image=registry.k8s.io/serve_hostname
kubectl scale deployment hostnames --replicas=3
kubectl rollout status deployment/hostnames
kubectl get pods -l app=hostnames
kubectl get pods -l app=hostnames -o go-template='{{range .items}}{{.status.podIP}}{{"\n"}}{{end}}'
kubectl get svc hostnames
kubectl expose deployment hostnames --port=80 --target-port=9376
kubectl get svc hostnames
kubectl get service hostnames -o jsonpath='{.spec.selector}{"\n"}{.spec.ports}{"\n"}'
kubectl get pods -l app=hostnames
kubectl get endpointslices -l kubernetes.io/service-name=hostnames
kubectl get pods -A --field-selector spec.nodeName=node-1 -o custom-columns=NAMESPACE:.metadata.namespace,NAME:.metadata.name,IP:.status.podIP
kubectl logs deployment/hostnames
kubectl get svc -n kube-system -L k8s-app
# "Does the Service work by IP?" and "Are the Pods working?", from a Pod: the Service's IP three
# times, then each endpoint (the addresses read from the API rather than typed).
kubectl run busybox --image=busybox --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/busybox
CLUSTER_IP=$(kubectl get service hostnames -o jsonpath='{.spec.clusterIP}')
kubectl exec busybox -- sh -c 'for i in $(seq 1 3); do wget -qO- '$CLUSTER_IP':80; done'
ENDPOINTS=$(kubectl get endpointslices -l kubernetes.io/service-name=hostnames -o jsonpath='{range .items[*].endpoints[*]}{.addresses[0]}:9376 {end}')
kubectl exec busybox -- sh -c 'for ep in '"$ENDPOINTS"'; do wget -qO- $ep; done'
kubectl get service hostnames -o json
kubectl get endpoints hostnames
# "Is kube-proxy running?": on a node.
ssh node-1 ps auxw | grep kube-proxy
ssh node-1 journalctl -u kube-proxy | grep -E 'iptables Proxier|hostnames'
# "Iptables mode".
ssh node-1 iptables-save | grep hostnames
# "Is kube-proxy proxying?": the Service by IP from the node.
ssh node-1 curl $CLUSTER_IP:80
ssh node-1 curl -s $CLUSTER_IP:80
# The hairpin edge case starts from the kubelet's command line.
ssh node-1 ps auxw | grep kubelet
