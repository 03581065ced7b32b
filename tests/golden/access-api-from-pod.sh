# "Accessing the Kubernetes API from a Pod" (kubernetes.io/docs/tasks/run-application/access-api-from-pod/),
# without a proxy: the Pod's service account token and CA, through the kubernetes Service.
kubectl run api-client --image=curlimages/curl -- sleep 3600
kubectl wait --for=condition=Ready pod/api-client
kubectl exec api-client -- sh -c 'APISERVER=https://kubernetes.default.svc
SERVICEACCOUNT=/var/run/secrets/kubernetes.io/serviceaccount
NAMESPACE=$(cat ${SERVICEACCOUNT}/namespace)
TOKEN=$(cat ${SERVICEACCOUNT}/token)
CACERT=${SERVICEACCOUNT}/ca.crt
curl -s --cacert ${CACERT} --header "Authorization: Bearer ${TOKEN}" -X GET ${APISERVER}/api'
# The default account may discover the API, and nothing more: no RoleBinding grants it anything.
kubectl exec api-client -- sh -c 'curl -s --cacert /var/run/secrets/kubernetes.io/serviceaccount/ca.crt -H "Authorization: Bearer $(cat /var/run/secrets/kubernetes.io/serviceaccount/token)" https://kubernetes.default.svc/api/v1/namespaces/$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace)/pods'
# Without the token the request is anonymous; without the CA, curl cannot verify the server.
kubectl exec api-client -- curl -s --cacert /var/run/secrets/kubernetes.io/serviceaccount/ca.crt https://kubernetes.default.svc/api
kubectl exec api-client -- curl -sS https://kubernetes.default.svc/healthz
kubectl exec api-client -- curl -s --cacert /var/run/secrets/kubernetes.io/serviceaccount/ca.crt https://kubernetes.default.svc/healthz
# Plain HTTP to the HTTPS port gets Go's fixed answer.
kubectl exec api-client -- curl -si http://kubernetes.default.svc:443/
