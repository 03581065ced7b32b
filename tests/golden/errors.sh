# What goes wrong looks as it does with the real tools, and changes nothing.
kubectl get podz
kubectl get pods --foo
kubectl get pod web
kubectl get pods
kubectl gett pods
kubectl frobnicate
curl http://web
kubectl apply -f missing.yaml
kubectl apply -f bad.yaml
kubectl apply -f
kubectl describe pod nothing
kubectl delete pod nothing
kubectl scale deployment web
kubectl label pod nothing app=x
kubectl get pods -o table
kubectl get
sleep
sleep abc
ssh node-9 iptables-save
ssh node-1 frobnicate
sim explode
kubectl get all
