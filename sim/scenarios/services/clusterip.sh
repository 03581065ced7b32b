# Chapter "Services and ClusterIP": the ClusterIP is on no interface of any node; it appears only
# in the rules kube-proxy wrote, and those rules send traffic to Pod IPs.
# Run it yourself: npm run --silent kubesim -- --echo sim/scenarios/services/clusterip.sh
kubectl apply -f web.yaml
kubectl rollout status deployment/web
kubectl wait --for=condition=Ready pod/client
sleep 2
# --- transcript ---
kubectl get service web -o wide
kubectl get endpointslices -l kubernetes.io/service-name=web
ssh node-1 ip addr
ssh node-1 iptables-save -t nat | grep 'default/web'
