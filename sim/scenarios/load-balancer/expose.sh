# Chapter "LoadBalancer": exposing a Deployment as type LoadBalancer gets it a ClusterIP and a
# NodePort at once; the public address comes later, from the cloud, through the cloud controller.
# Run it yourself: npm run --silent kubesim -- --echo sim/scenarios/load-balancer/expose.sh
kubectl apply -f web.yaml
kubectl wait --for=condition=Ready pod --all --timeout=60s
# --- transcript ---
kubectl get pods -o wide
kubectl expose deployment web --type=LoadBalancer --port=80 --target-port=8080
kubectl get svc web
sleep 30
kubectl get svc web
kubectl describe svc web
cloud lb list
curl -s http://203.0.113.13/hostname; echo
