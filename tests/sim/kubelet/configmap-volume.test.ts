import { describe, expect, it } from 'vitest';
import { consoleOn } from '../console-on';

const config = (greeting: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  greeting: ${greeting}
  color: blue
`;

/** A Pod that mounts the ConfigMap as a folder, one key of it by subPath, and reads another key into its environment. */
const reader = `apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  volumes:
  - name: config
    configMap:
      name: web-config
  containers:
  - name: main
    image: busybox
    command: ["sleep", "3600"]
    env:
    - name: COLOR
      valueFrom:
        configMapKeyRef: {name: web-config, key: color}
    volumeMounts:
    - name: config
      mountPath: /etc/config
    - name: config
      mountPath: /greeting.txt
      subPath: greeting
`;

describe('ConfigMap volumes', () => {
  it('show each key as a file, as the kubelet read them when the container started', () => {
    const { console: c } = consoleOn({ 'config.yaml': config('hello'), 'changed.yaml': config('changed'), 'reader.yaml': reader });
    c.run('kubectl apply -f config.yaml -f reader.yaml');
    c.run('kubectl wait --for=condition=Ready pod/reader');
    // Changed before anything in the container looked at its files: the kubelet had written them already.
    c.run('kubectl apply -f changed.yaml');
    expect(c.run('kubectl exec reader -- ls /etc/config').stdout).toBe('color\ngreeting\n');
    expect(c.run('kubectl exec reader -- cat /etc/config/greeting').stdout).toBe('hello');
    expect(c.run('kubectl exec reader -- cat /greeting.txt').stdout).toBe('hello');
    expect(c.run('kubectl exec reader -- printenv COLOR').stdout).toBe('blue\n');
  });

  it('leave the container unstarted while a key its environment reads is missing', () => {
    const { console: c } = consoleOn({ 'reader.yaml': reader });
    c.run('kubectl apply -f reader.yaml');
    c.run('sleep 5');
    expect(c.run('kubectl get pod reader').stdout).toMatch(/reader\s+0\/1\s+CreateContainerConfigError\s+0\s/);
  });
});
