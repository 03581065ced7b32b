# Chapter "Services and ClusterIP": labels are read once, by the EndpointSlice controller. Take a
# Pod's label away and it leaves the Service's endpoints; the ReplicaSet replaces it.
# Run it yourself: npm run --silent kubesim -- --echo sim/scenarios/services/selector.sh
kubectl apply -f web.yaml
kubectl rollout status deployment/web
kubectl wait --for=condition=Ready pod/client
sleep 2
# --- transcript ---
kubectl get pods -l app=web -o wide
kubectl label pod web-55f6cc6694-rkbld app=debug --overwrite
sleep 2
kubectl get pods -L app -o wide
kubectl get endpointslices -l kubernetes.io/service-name=web
