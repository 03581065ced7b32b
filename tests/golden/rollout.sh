# Roll out a new image and follow it, as a reader would on a real cluster.
kubectl apply -f web.yaml
kubectl rollout status deployment/web
kubectl apply -f web-v2.yaml
kubectl rollout status deployment/web
kubectl get rs
kubectl get pods
kubectl describe deploy web
