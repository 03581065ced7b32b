# A node stops; the control plane notices, evicts its Pods and the ReplicaSet replaces them.
kubectl apply -f web.yaml
kubectl wait --for=condition=Ready pod -l app=web
kubectl get pods -o wide
sim stop node node-1
sleep 60
kubectl get nodes
kubectl get pods -o wide
sleep 330
kubectl get pods -o wide
kubectl describe node node-1
sim start node node-1
sleep 20
kubectl get nodes
