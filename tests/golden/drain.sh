# Node maintenance: cordon, drain (a bare Pod stops it until --force), uncordon.
kubectl create deployment web --image=nginx --replicas=3 --port=80
kubectl rollout status deployment/web
kubectl run bare --image=nginx --restart=Never
kubectl wait --for=condition=Ready pod/bare
kubectl get pods -o wide
kubectl cordon node-2
kubectl cordon node-2
kubectl get nodes
kubectl drain node-2 --ignore-daemonsets
kubectl drain node-2 --ignore-daemonsets --force
kubectl get pods -o wide
kubectl uncordon node-2
kubectl get nodes
