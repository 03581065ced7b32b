# "Configure Liveness, Readiness and Startup Probes" (kubernetes.io tasks), replayed with the
# tutorial's manifests. Define a liveness command: healthy for 30 s, then `cat /tmp/healthy` fails
# three times, the kubelet kills the container (sh as PID 1 ignores SIGTERM: it dies at the SIGKILL
# 30 s later) and restarts it.
kubectl apply -f exec-liveness.yaml
sleep 11
kubectl describe pod liveness-exec | grep -A7 Events:
sleep 46
kubectl describe pod liveness-exec | grep -A9 Events:
kubectl get pod liveness-exec
sleep 30
kubectl get pod liveness-exec
kubectl describe pod liveness-exec | grep -A5 'Last State'
# Define a liveness HTTP request: agnhost liveness answers 500 after 10 s.
kubectl apply -f http-liveness.yaml
sleep 25
kubectl describe pod liveness-http | grep -A12 Events:
kubectl get pod liveness-http
# Define a TCP liveness probe.
kubectl apply -f tcp-liveness-readiness.yaml
sleep 30
kubectl describe pod goproxy | grep -E 'Liveness|Readiness|Ready:'
kubectl get pod goproxy
# Define a gRPC liveness probe: etcd implements grpc.health.v1.
kubectl apply -f grpc-liveness.yaml
sleep 15
kubectl describe pod etcd-with-grpc | grep -E 'Liveness:|Restart Count'
kubectl describe pod etcd-with-grpc | grep -A8 Events:
kubectl apply -f grpc-health.yaml
sleep 20
kubectl get pods grpc-agnhost grpc-not-grpc
kubectl describe pod grpc-agnhost | grep Unhealthy
kubectl describe pod grpc-not-grpc | grep Unhealthy
# Protect slow starting containers with startup probes; the probe-level terminationGracePeriodSeconds.
kubectl apply -f startup-probe.yaml
sleep 30
kubectl describe pod slow-start | grep -A12 Events:
kubectl get pod slow-start
# Probe-level terminationGracePeriodSeconds cannot be set for readiness probes.
kubectl apply -f readiness-grace.yaml
