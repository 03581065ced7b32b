# "Debug Running Pods", ephemeral containers (kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/):
# kubectl debug adds a BusyBox container to a running Pod, in the Pod's network and aimed at its
# container's processes; once its shell exits it stays Terminated (a Pod with restartPolicy Never
# gets no reattach hint), and describe lists it apart. (The docs start from a pause image, which
# has no shell; nginx stands in for it here.)
kubectl run ephemeral-demo --image=nginx --restart=Never
kubectl wait --for=condition=Ready pod/ephemeral-demo
kubectl debug -it ephemeral-demo --image=busybox:1.28 --target=ephemeral-demo
hostname
exit
kubectl get pod ephemeral-demo
kubectl describe pod ephemeral-demo
kubectl delete pod ephemeral-demo
