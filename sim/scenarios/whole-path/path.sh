kubectl apply -f web.yaml
kubectl wait --for=condition=Ready pod --all --timeout=60s
sleep 2
kubectl get pods -o wide
kubectl get service web
kubectl exec client -- nslookup web
kubectl exec client -- curl -s http://web; echo
ssh node-1 conntrack -L | grep dport=80
