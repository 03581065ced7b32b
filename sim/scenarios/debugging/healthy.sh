# The checklist on a cluster where nothing is wrong: what each answer looks like when it is right.
kubectl apply -f kube-proxy-stopped/web.yaml
kubectl wait --for=condition=Ready pod --all --timeout=60s
sleep 5
kubectl exec client -- nslookup web  # exits 1
kubectl get service web -o wide
kubectl get pods -l app=web -o wide
kubectl get endpointslices -l kubernetes.io/service-name=web
ssh node-2 iptables-save -t nat | grep default/web | grep DNAT
kubectl get networkpolicy
