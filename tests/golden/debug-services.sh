# "Debug Services" (kubernetes.io/docs/tasks/debug/debug-application/debug-service/), up to the
# iptables part: a Deployment, its Pod IPs, a Service that does not exist yet, then exposing it.
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
