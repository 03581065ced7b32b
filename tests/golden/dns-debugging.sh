# "Debugging DNS Resolution" (kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/)
# with its dnsutils Pod (examples/admin/dns/dnsutils.yaml). jessie-dnsutils ships BIND's nslookup
# and dig, so nslookup prints BIND's format: the task's sample output (`Address 1: 10.0.0.10`) is
# BusyBox 1.28's. Its Corefile edit (`kubectl edit`) is an apply of the same ConfigMap with `log`.
kubectl apply -f dnsutils.yaml
kubectl wait --for=condition=Ready pod/dnsutils
kubectl get pods dnsutils
kubectl exec -i -t dnsutils -- nslookup kubernetes.default
kubectl exec -ti dnsutils -- cat /etc/resolv.conf
kubectl get pods --namespace=kube-system -l k8s-app=kube-dns
kubectl logs --namespace=kube-system -l k8s-app=kube-dns
kubectl get svc --namespace=kube-system
kubectl get endpointslices -l kubernetes.io/service-name=kube-dns --namespace=kube-system
# Are DNS queries being received/processed? Add the log plugin; the reload plugin picks it up within 30 s.
kubectl apply -f coredns-log.yaml
sleep 30
kubectl exec -i -t dnsutils -- nslookup kubernetes.default
kubectl logs --namespace=kube-system -l k8s-app=kube-dns
# Are you in the right namespace for the service?
kubectl create namespace shop
kubectl create deployment web --image=nginx --port=80 -n shop
kubectl expose deployment web -n shop
kubectl exec -i -t dnsutils -- nslookup web
kubectl exec -i -t dnsutils -- nslookup web.shop
kubectl exec -i -t dnsutils -- dig +short web.shop.svc.cluster.local
kubectl exec -i -t dnsutils -- dig web.shop.svc.cluster.local
kubectl exec -i -t dnsutils -- dig -x 10.96.0.10
# BusyBox's own nslookup: a reply for every search candidate, A then AAAA; no dig.
kubectl run busybox --image=busybox:1.36 --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/busybox
kubectl exec busybox -- nslookup kubernetes.default
kubectl exec busybox -- nslookup kubernetes
kubectl exec busybox -- nslookup kubernetes.default.svc.cluster.local
kubectl exec busybox -- nslookup nosuch.shop.svc.cluster.local
kubectl exec busybox -- sh -c 'dig kubernetes'
kubectl logs --namespace=kube-system -l k8s-app=kube-dns --tail=4
# On a node, nslookup asks the node's resolver, which knows no cluster name; asked, cluster DNS answers a node too.
ssh node-1 nslookup kubernetes.default.svc.cluster.local
ssh node-1 nslookup kubernetes.default.svc.cluster.local 10.96.0.10
# With no CoreDNS endpoint, kube-proxy rejects port 53.
kubectl scale deployment coredns -n kube-system --replicas=0
sleep 40
kubectl exec busybox -- nslookup kubernetes.default.svc.cluster.local
kubectl exec dnsutils -- dig kubernetes.default.svc.cluster.local
