# Chapter "Readiness": a failing readiness probe takes a Pod out of the Service's endpoints and
# leaves it running; a failing liveness probe restarts its container.
# Run it yourself: npm run --silent kubesim -- --echo sim/scenarios/readiness/probes.sh
kubectl apply -f web.yaml
kubectl rollout status deployment/web
kubectl wait --for=condition=Ready pod/client
sleep 2
# --- transcript ---
kubectl exec web-5948c9dd8c-rkbld -- touch /tmp/maintenance
sleep 6
kubectl get pods -l app=web -o wide
kubectl describe endpointslices -l kubernetes.io/service-name=web
kubectl exec web-5948c9dd8c-cdcvh -- touch /tmp/broken
sleep 10
kubectl get pods -l app=web
kubectl describe pod web-5948c9dd8c-cdcvh | tail -5
