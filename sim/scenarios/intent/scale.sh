# Chapter "Intent": kubectl scale changes one number in the Deployment's spec.
# Run it yourself: npm run --silent kubesim -- --echo sim/scenarios/intent/scale.sh
kubectl apply -f web.yaml
kubectl rollout status deployment/web
# --- transcript ---
kubectl scale deployment web --replicas=5
