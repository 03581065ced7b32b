# The downward API and ConfigMap/Secret keys as environment variables: the "Expose Pod Information
# to Containers Through Environment Variables" task, then keys that are missing until created.
kubectl apply -f dapi-envars-pod.yaml
sleep 15
kubectl logs dapi-envars-fieldref
kubectl exec dapi-envars-fieldref -- printenv MY_POD_IP MY_NODE_NAME
kubectl describe pod dapi-envars-fieldref | grep -A6 Environment
kubectl get pod dapi-envars-fieldref -o jsonpath='{.spec.containers[0].env[0]}'; echo
kubectl apply -f env-bad.yaml
kubectl apply -f env-from-config.yaml
sleep 5
kubectl get pod config-env
kubectl describe pod config-env | grep -A4 -E 'State:|Environment:'
kubectl create configmap special-config --from-literal=special.how=very
kubectl create secret generic db --from-literal=password=s3cr3t
sleep 5
kubectl describe pod config-env | tail -8
kubectl create secret generic db2 --from-literal=user=admin
sleep 20
kubectl get pod config-env
kubectl logs config-env
