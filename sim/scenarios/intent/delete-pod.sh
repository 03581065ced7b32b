# Chapter "Intent": a deleted Pod is replaced by a new Pod, with a new name and a new IP.
# It continues pods.sh (same seed, same steps), so the Pods are those the chapter just listed.
# Run it yourself: npm run --silent kubesim -- --echo sim/scenarios/intent/delete-pod.sh
kubectl apply -f web.yaml
kubectl rollout status deployment/web
sleep 40
kubectl get pods -o wide
sleep 50
# --- transcript ---
# The Pod on node-2 in pods.sh's listing (seed 1).
kubectl delete pod web-5bccfdbbb7-k8nx6
kubectl get pods -o wide
