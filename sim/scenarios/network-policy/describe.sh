kubectl apply -f pods.yaml
kubectl apply -f from-and.yaml
kubectl describe networkpolicy a-from-y-b -n x
