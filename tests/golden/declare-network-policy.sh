# The "Declare Network Policy" task (kubernetes.io/docs/tasks/administer-cluster/declare-network-policy/):
# nginx answers any Pod until a NetworkPolicy selects it; then only Pods labelled access=true get
# through, and BusyBox's wget gives up after its one-second timeout.
kubectl create deployment nginx --image=nginx
kubectl expose deployment nginx --port=80
sleep 10
kubectl get svc,pod
kubectl run busybox --rm -ti --image=busybox:1.28 -- /bin/sh
wget --spider --timeout=1 nginx
exit
kubectl apply -f nginx-policy.yaml
kubectl run busybox --rm -ti --image=busybox:1.28 -- /bin/sh
wget --spider --timeout=1 nginx
exit
# The shell exited with wget's status 1: under restartPolicy OnFailure (kubectl run -i's default)
# the container restarts, kubectl waits a minute for the Pod to succeed, gives up and deletes it
# without waiting (run.go: WaitForDeletion = false), and BusyBox's shell ignores SIGTERM, so the Pod
# takes its 30-second grace period to go.
kubectl get pods -l run=busybox
sleep 30
kubectl run busybox --rm -ti --labels="access=true" --image=busybox:1.28 -- /bin/sh
wget --spider --timeout=1 nginx
exit
kubectl describe networkpolicy access-nginx
