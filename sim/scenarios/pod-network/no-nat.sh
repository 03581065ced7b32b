# Chapter "The Pod network": a Pod reaches another Pod at its own IP, on the same node or another,
# and the server's node records the client's own address: no NAT anywhere on the way.
# Run it yourself: npm run --silent kubesim -- --echo sim/scenarios/pod-network/no-nat.sh
kubectl apply -f ../services/web.yaml
kubectl rollout status deployment/web
kubectl wait --for=condition=Ready pod/client
# --- transcript ---
# client runs on node-2; web-55f6cc6694-cdcvh on node-2 too (10.244.2.3), web-55f6cc6694-rkbld on node-1 (10.244.1.3) (pod-ip.sh's listing).
kubectl exec client -- curl -s http://10.244.2.3:8080; echo
kubectl exec client -- curl -s http://10.244.1.3:8080; echo
ssh node-1 conntrack -L
