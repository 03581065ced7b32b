# Chapter "NodePort": port 30080 is open on every node, the ones without a web Pod too; the
# laptop reaches it at each node's public IP.
# Run it yourself: npm run --silent kubesim -- --echo sim/scenarios/nodeport/ports.sh
kubectl apply -f web.yaml
kubectl wait --for=condition=Ready pod --all --timeout=60s
sleep 2
# --- transcript ---
kubectl get svc web
kubectl get pods -o wide
cloud ip list
curl -s http://203.0.113.12:30080/hostname; echo
