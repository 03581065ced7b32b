# "DNS for Services and Pods" (kubernetes.io/docs/concepts/services-networking/dns-pod-service/):
# dnsPolicy and dnsConfig shape /etc/resolv.conf as the kubelet writes it (containerd puts the
# search line first), hostname/subdomain give a Pod a name under a headless Service, and
# setHostnameAsFQDN makes `hostname` print that name.
kubectl apply -f dns-example.yaml
kubectl wait --for=condition=Ready pod/dns-example
kubectl exec -it dns-example -- cat /etc/resolv.conf
kubectl apply -f dns-subdomain.yaml
kubectl wait --for=condition=Ready pod/busybox1 pod/busybox2
kubectl exec busybox1 -- hostname
kubectl exec busybox2 -- hostname
kubectl exec busybox1 -- cat /etc/hosts
kubectl exec busybox2 -- nslookup busybox-1.busybox-subdomain.default.svc.cluster.local
kubectl exec busybox2 -- nslookup busybox-subdomain.default.svc.cluster.local
# dnsPolicy Default: the node's resolver; dnsConfig adds to ClusterFirst's; a hostNetwork Pod needs ClusterFirstWithHostNet.
kubectl apply -f dns-policies.yaml
kubectl wait --for=condition=Ready pod/node-dns pod/custom-search pod/host-net
kubectl exec node-dns -- cat /etc/resolv.conf
kubectl exec node-dns -- nslookup kubernetes.default.svc.cluster.local
kubectl exec custom-search -- cat /etc/resolv.conf
kubectl exec custom-search -- nslookup web
kubectl exec host-net -- cat /etc/resolv.conf
kubectl exec host-net -- hostname
# busybox:1.28's nslookup asks the C library: the search list works, and it names each address.
kubectl run bb128 --image=busybox:1.28 --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/bb128
kubectl exec bb128 -- nslookup kubernetes.default
kubectl exec bb128 -- nslookup busybox-1.busybox-subdomain
kubectl exec bb128 -- nslookup nosuch
# The API server's validation.
kubectl apply -f dns-bad-config.yaml
