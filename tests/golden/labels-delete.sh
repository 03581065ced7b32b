# Labels decide membership; delete waits for graceful termination.
kubectl apply -f web.yaml
kubectl wait --for=condition=Ready pod --all
kubectl get pods --show-labels
kubectl label pod web-8676d8b66b-bgt9w app=debug
kubectl label pod web-8676d8b66b-bgt9w app=debug --overwrite
kubectl get pods -l app=web
kubectl get endpoints web
kubectl label pod web-8676d8b66b-bgt9w app-
kubectl delete pod web-8676d8b66b-bgt9w
kubectl get pods
kubectl delete -f web.yaml
kubectl get deploy,svc
