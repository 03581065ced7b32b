# An Ingress routing two hosts and two paths each, with TLS, through NGINX Ingress Controller.
kubectl apply -f ../../sim/scenarios/ingress/nginx-ingress.yaml
kubectl rollout status deployment/nginx-ingress -n nginx-ingress
kubectl get ingressclass
kubectl get pods,svc -n nginx-ingress
kubectl apply -f ../../sim/scenarios/ingress/cafe.yaml
kubectl create secret tls example-tls --cert=../fixtures/pki/tls.crt --key=../fixtures/pki/tls.key
kubectl create configmap example-ca --from-file=../fixtures/pki/ca.crt
kubectl apply -f ../../sim/scenarios/ingress/cafe-ingress.yaml
kubectl apply -f ../../sim/scenarios/ingress/client.yaml
kubectl wait --for=condition=Ready pod --all --timeout=60s
kubectl get ingress
kubectl describe ingress cafe
kubectl get secret example-tls
kubectl exec client -- ls /etc/example-ca
# Plain HTTP to a TLS host is redirected to HTTPS (the controller's ssl-redirect).
kubectl exec client -- curl -sv -H 'Host: foo.example.com' http://nginx-ingress.nginx-ingress/coffee
# HTTPS: --resolve sends the names to the controller's ClusterIP, --cacert trusts the example CA.
kubectl exec client -- curl -sv --cacert /etc/example-ca/ca.crt --resolve foo.example.com:443:$(kubectl get svc nginx-ingress -n nginx-ingress -o jsonpath={.spec.clusterIP}) https://foo.example.com/coffee
kubectl exec client -- curl -s --cacert /etc/example-ca/ca.crt --resolve foo.example.com:443:$(kubectl get svc nginx-ingress -n nginx-ingress -o jsonpath={.spec.clusterIP}) https://foo.example.com/tea; echo
kubectl exec client -- curl -s --cacert /etc/example-ca/ca.crt --resolve bar.example.com:443:$(kubectl get svc nginx-ingress -n nginx-ingress -o jsonpath={.spec.clusterIP}) https://bar.example.com/; echo
# bar's /coffee is Exact: /coffee goes to coffee, /coffee/beans falls through to the / prefix (tea).
kubectl exec client -- curl -s --cacert /etc/example-ca/ca.crt --resolve bar.example.com:443:$(kubectl get svc nginx-ingress -n nginx-ingress -o jsonpath={.spec.clusterIP}) https://bar.example.com/coffee | head -1
kubectl exec client -- curl -s --cacert /etc/example-ca/ca.crt --resolve bar.example.com:443:$(kubectl get svc nginx-ingress -n nginx-ingress -o jsonpath={.spec.clusterIP}) https://bar.example.com/coffee/beans; echo
# No --cacert: the example CA is not in the image's bundle.
kubectl exec client -- curl -sS --resolve foo.example.com:443:$(kubectl get svc nginx-ingress -n nginx-ingress -o jsonpath={.spec.clusterIP}) https://foo.example.com/tea
# A host no Ingress names: the default server's 404, and no TLS handshake for it.
kubectl exec client -- curl -s -H 'Host: nope.example.com' http://nginx-ingress.nginx-ingress/
kubectl exec client -- curl -sSk --resolve nope.example.com:443:$(kubectl get svc nginx-ingress -n nginx-ingress -o jsonpath={.spec.clusterIP}) https://nope.example.com/
