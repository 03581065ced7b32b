# Chapter "Intent": each Pod has one IP, from the Pod CIDR of the one node it runs on.
# Run it yourself: npm run --silent kubesim -- --echo sim/scenarios/intent/pods.sh
kubectl apply -f web.yaml
kubectl rollout status deployment/web
sleep 40
# --- transcript ---
kubectl get pods -o wide
