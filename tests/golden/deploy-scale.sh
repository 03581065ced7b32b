# Deploy a web app, scale it, look at it from every side.
kubectl apply -f web.yaml
kubectl get pods
sleep 5
kubectl get pods -o wide
kubectl scale deployment/web --replicas=5
kubectl get deploy web
kubectl wait --for=condition=Ready pod -l app=web --timeout=60s
kubectl get deploy,rs,svc
kubectl get endpointslices -l kubernetes.io/service-name=web
kubectl get pods -l app=web -o name
kubectl describe deployment web
kubectl scale deployment web --replicas=2
kubectl get pods
