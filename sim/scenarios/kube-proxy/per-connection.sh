# Chapter "kube-proxy and load balancing": the rules pick an endpoint per connection. Six curl
# processes open six connections and spread; one curl with six URLs keeps its connection alive
# and every request lands on the same Pod.
# Run it yourself: npm run --silent kubesim -- --echo sim/scenarios/kube-proxy/per-connection.sh
kubectl apply -f ../services/web.yaml
kubectl rollout status deployment/web
kubectl wait --for=condition=Ready pod/client
sleep 2
# --- transcript ---
kubectl exec client -- sh -c 'for i in $(seq 1 6); do curl -s http://web; echo; done'
kubectl exec client -- curl -s http://web http://web http://web http://web http://web http://web; echo
