# Chapter "Egress": the echo host on the internet answers with the source address it sees. From
# a cluster whose nodes have public IPs, each Pod's request leaves with its node's public IP.
# Run it yourself: npm run --silent kubesim -- --echo sim/scenarios/egress/egress.sh
kubectl apply -f clients.yaml
kubectl wait --for=condition=Ready pod --all --timeout=60s
# --- transcript ---
kubectl get pods -o wide
cloud ip list
kubectl exec client-1 -- curl -s http://198.51.100.20/
kubectl exec client-2 -- curl -s http://198.51.100.20/
ssh node-1 ip route
