# Image pulls as the kubelet's image manager reports them: the first Pod on a node pulls, a second
# created with it waits for that pull (serialized pulls), a later one finds the image present;
# imagePullPolicy Always (the default with no tag) pulls at every start; Never with an image the
# node lacks waits in ErrImageNeverPull.
kubectl apply -f image-pulls.yaml
kubectl get pods
sleep 6
kubectl describe pod first | grep -A7 Events:
kubectl describe pod second | grep -A7 Events:
kubectl apply -f image-pulls-later.yaml
sleep 6
kubectl describe pod third | grep Pulled
kubectl get pod latest -o jsonpath='{.spec.containers[0].imagePullPolicy}'; echo
kubectl describe pod latest | grep Pull
kubectl run never --image=nginx:1.29 --image-pull-policy=Never
sleep 5
kubectl get pod never
kubectl describe pod never | grep -A6 Events:
