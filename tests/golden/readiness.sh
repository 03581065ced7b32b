# A failing readiness probe takes a Pod out of the Service's endpoints without restarting it.
kubectl apply -f probe.yaml
kubectl get pod probe
sleep 5
kubectl exec probe -- touch /tmp/healthy
kubectl wait --for=condition=Ready pod/probe --timeout=60s
kubectl describe svc probe
kubectl exec probe -- rm /tmp/healthy
sleep 20
kubectl get pod probe
kubectl get endpointslices -l kubernetes.io/service-name=probe
kubectl describe endpointslices -l kubernetes.io/service-name=probe
kubectl describe svc probe
kubectl describe pod probe
