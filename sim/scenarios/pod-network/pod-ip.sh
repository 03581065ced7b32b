# Chapter "The Pod network": every Pod has its own IP, from its node's Pod CIDR.
# Run it yourself: npm run --silent kubesim -- --echo sim/scenarios/pod-network/pod-ip.sh
kubectl apply -f ../services/web.yaml
kubectl rollout status deployment/web
kubectl wait --for=condition=Ready pod/client
# --- transcript ---
kubectl get pods -o wide
kubectl exec client -- cat /etc/hosts
