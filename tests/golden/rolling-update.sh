# "Performing a Rolling Update" (kubernetes.io/docs/tutorials/kubernetes-basics/update/update-intro/)
# with set image, rollout status, history and undo.
kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1 --replicas=4 --port=8080
kubectl rollout status deployment/kubernetes-bootcamp
kubectl expose deployment/kubernetes-bootcamp --type=NodePort --port=8080
kubectl get services/kubernetes-bootcamp
kubectl describe services/kubernetes-bootcamp
kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=docker.io/jocatalin/kubernetes-bootcamp:v2
kubectl rollout status deployments/kubernetes-bootcamp
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image --sort-by=.metadata.name
kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=gcr.io/google-samples/kubernetes-bootcamp:v10
kubectl set image deployments/kubernetes-bootcamp nope=nginx
kubectl rollout history deployment/kubernetes-bootcamp
kubectl rollout undo deployments/kubernetes-bootcamp
kubectl rollout status deployments/kubernetes-bootcamp
kubectl rollout history deployment/kubernetes-bootcamp
kubectl rollout undo deployments/kubernetes-bootcamp --to-revision=9
kubectl get rs
