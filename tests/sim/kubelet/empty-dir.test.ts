import { describe, expect, it } from 'vitest';
import { consoleOn } from '../console-on';

/** The "Communicate Between Containers in the Same Pod Using a Shared Volume" task's Pod. */
const twoContainers = `apiVersion: v1
kind: Pod
metadata:
  name: two-containers
spec:
  restartPolicy: Never
  volumes:
  - name: shared-data
    emptyDir: {}
  containers:
  - name: nginx-container
    image: nginx
    volumeMounts:
    - name: shared-data
      mountPath: /usr/share/nginx/html
  - name: debian-container
    image: debian
    volumeMounts:
    - name: shared-data
      mountPath: /pod-data
    command: ["/bin/sh"]
    args: ["-c", "echo Hello from the debian container > /pod-data/index.html"]
`;

/** A container that counts its starts in an emptyDir and in its own files; its first run crashes, its second stays up. */
const restarts = `apiVersion: v1
kind: Pod
metadata:
  name: counter
spec:
  volumes:
  - name: cache
    emptyDir: {}
  containers:
  - name: main
    image: busybox
    volumeMounts:
    - name: cache
      mountPath: /cache
    command: ["sh", "-c", "echo start >> /cache/starts; echo start >> /tmp/starts; if [ $(wc -l < /cache/starts) = 1 ]; then sleep 5; exit 1; fi; sleep 3600"]
`;

describe('emptyDir volumes', () => {
  it("are shared by the Pod's containers: what one writes, the other serves", () => {
    const { console: c } = consoleOn({ 'two.yaml': twoContainers });
    c.run('kubectl apply -f two.yaml');
    c.run('sleep 10');
    expect(c.run('kubectl exec two-containers -c nginx-container -- curl -s localhost').stdout).toBe('Hello from the debian container\n');
    c.run("kubectl exec two-containers -c nginx-container -- sh -c 'echo more > /usr/share/nginx/html/b.txt'");
    expect(c.run('kubectl exec two-containers -c nginx-container -- ls /usr/share/nginx/html').stdout).toBe('b.txt\nindex.html\n');
    expect(c.run('kubectl exec two-containers -c nginx-container -- ls /usr/share/nginx').stdout).toBe('html\n');
  });

  it("outlive a container's restart, while the container's own files start afresh", () => {
    const { console: c } = consoleOn({ 'counter.yaml': restarts });
    c.run('kubectl apply -f counter.yaml');
    c.run('kubectl wait --for=condition=Ready pod/counter');
    c.run('sleep 30');
    expect(c.run("kubectl get pod counter -o jsonpath='{.status.containerStatuses[0].restartCount}'").stdout).toBe('1');
    expect(c.run('kubectl exec counter -- cat /cache/starts').stdout).toBe('start\nstart\n');
    expect(c.run('kubectl exec counter -- cat /tmp/starts').stdout).toBe('start\n');
    // A new Pod gets a new, empty volume.
    c.run('kubectl delete pod counter');
    c.run('kubectl apply -f counter.yaml');
    c.run('kubectl wait --for=condition=Ready pod/counter');
    expect(c.run('kubectl exec counter -- cat /cache/starts').stdout).toBe('start\n');
  });
});
