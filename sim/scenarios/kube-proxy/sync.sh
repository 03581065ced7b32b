# Chapter "kube-proxy and load balancing": kube-proxy watches Services and EndpointSlices and
# rewrites every node's rules; stopped, its node's rules go stale.
# Run it yourself: npm run --silent kubesim -- --echo sim/scenarios/kube-proxy/sync.sh
kubectl apply -f ../services/web.yaml
kubectl rollout status deployment/web
kubectl wait --for=condition=Ready pod/client
sleep 2
# --- transcript ---
sim stop kube-proxy node-2
kubectl scale deployment web --replicas=4
kubectl rollout status deployment/web
sleep 2
ssh node-1 iptables-save -t nat | grep -c 'default/web ->'
ssh node-2 iptables-save -t nat | grep -c 'default/web ->'
