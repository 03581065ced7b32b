# "Connecting Applications with Services" (kubernetes.io/docs/tutorials/services/connect-applications-service/),
# with the imperative commands in place of run-my-nginx.yaml.
kubectl create deployment my-nginx --image=nginx --replicas=2 --port=80
kubectl label deployment my-nginx run=my-nginx
kubectl rollout status deployment/my-nginx
kubectl get pods -l app=my-nginx -o wide
kubectl get pods -l app=my-nginx -o custom-columns=POD_IP:.status.podIPs
kubectl expose deployment/my-nginx
kubectl get svc my-nginx
kubectl describe svc my-nginx
kubectl get endpointslices -l kubernetes.io/service-name=my-nginx
kubectl get services kube-dns --namespace=kube-system
kubectl run curl-pod --image=curlimages/curl --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/curl-pod
kubectl exec curl-pod -- nslookup my-nginx
kubectl get pods -l app=my-nginx -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.spec.nodeName}{"\n"}{end}'
