import { describe, expect, it } from 'vitest';
import { consoleOn } from '../console-on';
import type { Pod } from '../../../sim/api/types';

const probed = `apiVersion: v1
kind: Pod
metadata:
  name: probed
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe:
      httpGet:
        path: /healthz
        port: 80
`;

const quiet = `apiVersion: v1
kind: Pod
metadata:
  name: quiet
spec:
  containers:
  - name: web
    image: nginx
    env:
    - name: NGINX_ENTRYPOINT_QUIET_LOGS
      value: "1"
---
apiVersion: v1
kind: Pod
metadata:
  name: direct
spec:
  containers:
  - name: web
    image: nginx
    command: ["nginx", "-g", "daemon off;"]
`;

function podIP(cluster: ReturnType<typeof consoleOn>['cluster'], name: string): string {
  return cluster.store.get<Pod>('Pod', 'default', name)!.status!.podIP!;
}

/** A running Pod `web` of `image` and a curl Pod `client`, and web's IP. */
function webAndClient(image: string) {
  const on = consoleOn();
  on.console.run(`kubectl run web --image=${image}`);
  on.console.run('kubectl run client --image=curlimages/curl -- sleep 3600');
  on.console.run('kubectl wait --for=condition=Ready pod/web pod/client');
  return { ...on, ip: podIP(on.cluster, 'web') };
}

describe("the nginx image's log", () => {
  it('starts with the entrypoint on stdout and nginx notices, then one access line per request with the client address it saw', () => {
    const { cluster, console: c, ip } = webAndClient('nginx');
    c.run(`kubectl exec client -- curl -s -o /dev/null http://${ip}/`);
    c.run(`kubectl exec client -- curl -sI -H 'X-Forwarded-For: 192.0.2.7' http://${ip}/`);
    c.run(`kubectl exec client -- curl -s -o /dev/null http://${ip}/missing?q=1`);
    const lines = c.run('kubectl logs web').stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    ]);
    expect(lines[8]).toBe('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(lines[9]).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: using the "epoll" event method$/);
    expect(lines[10]).toMatch(/ \[notice\] 1#1: nginx\/1\.29\.3$/);
    expect(lines[12]).toMatch(/ \[notice\] 1#1: OS: Linux 6\.8\.0-1039-aws$/);
    const client = podIP(cluster, 'client');
    const date = String.raw`\[\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000\]`;
    expect(lines[17]).toMatch(new RegExp(`^${client} - - ${date} "GET / HTTP/1.1" 200 615 "-" "curl/[0-9.]+" "-"$`));
    expect(lines[18]).toMatch(new RegExp(`^${client} - - ${date} "HEAD / HTTP/1.1" 200 0 "-" "curl/[0-9.]+" "192.0.2.7"$`));
    // The missing file: the error line while nginx handles it, then the access line.
    expect(lines[19]).toMatch(
      new RegExp(`^\\S+ \\S+ \\[error\\] 29#29: \\*3 open\\(\\) "/usr/share/nginx/html/missing" failed \\(2: No such file or directory\\), client: ${client}, server: localhost, request: "GET /missing\\?q=1 HTTP/1.1", host: "${ip.replaceAll('.', '\\.')}"$`),
    );
    expect(lines[20]).toMatch(new RegExp(`^${client} - - ${date} "GET /missing\\?q=1 HTTP/1.1" 404 153 "-"`));
    expect(lines).toHaveLength(22);
  });

  it("logs the kubelet's probes, from the node's address on the Pods' bridge, and the image's compiler by tag", () => {
    const { cluster, console: c } = consoleOn({ 'probed.yaml': probed });
    c.run('kubectl apply -f probed.yaml');
    c.run('sleep 25');
    const pod = cluster.store.get<Pod>('Pod', 'default', 'probed')!;
    const bridge = pod.status!.podIP!.replace(/\.\d+$/, '.1');
    const log = c.run('kubectl logs probed').stdout;
    expect(log).toContain('[notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14)\n');
    const probes = log.split('\n').filter((l) => l.includes('kube-probe'));
    expect(probes.length).toBeGreaterThanOrEqual(2);
    for (const line of probes) expect(line).toMatch(new RegExp(`^${bridge.replaceAll('.', '\\.')} - - \\[.*\\] "GET /healthz HTTP/1.1" 404 153 "-" "kube-probe/1.35" "-"$`));
    expect(log).toMatch(/\[error\] 29#29: \*1 open\(\) "\/usr\/share\/nginx\/html\/healthz" failed \(2: No such file or directory\), client: [\d.]+, server: localhost, request: "GET \/healthz HTTP\/1.1", host: "[\d.]+:80"\n/);
  });

  it('says nothing from the entrypoint when told to be quiet or when the command skips it', () => {
    const { console: c } = consoleOn({ 'quiet.yaml': quiet });
    c.run('kubectl apply -f quiet.yaml');
    c.run('kubectl wait --for=condition=Ready pod/quiet pod/direct');
    for (const pod of ['quiet', 'direct']) {
      const log = c.run(`kubectl logs ${pod}`).stdout;
      expect(log).not.toContain('docker-entrypoint');
      expect(log).toMatch(/^\S+ \S+ \[notice\] 1#1: using the "epoll" event method\n/);
    }
  });
});

describe('nginxinc/nginx-unprivileged', () => {
  it('listens on 8080, not 80', () => {
    const { console: c, ip } = webAndClient('nginxinc/nginx-unprivileged');
    expect(c.run(`kubectl exec client -- curl -s -o /dev/null -w '%{http_code}' http://${ip}:8080/`).stdout).toBe('200');
    expect(c.run(`kubectl exec client -- curl -sS http://${ip}/`).stderr).toMatch(/^curl: \(7\) Failed to connect to [\d.]+ port 80 after \d+ ms: Couldn't connect to server\n/);
  });
});

const shellDemo = `apiVersion: v1
kind: Pod
metadata:
  name: shell-demo
spec:
  volumes:
  - name: shared-data
    emptyDir: {}
  containers:
  - name: nginx
    image: nginx
    volumeMounts:
    - name: shared-data
      mountPath: /usr/share/nginx/html
  hostNetwork: true
  dnsPolicy: Default
`;

describe("a hostNetwork nginx (the 'Get a Shell to a Running Container' task)", () => {
  it("listens in the node's namespace: on localhost inside, at the node's IP from anywhere; a folder without index.html is 403", () => {
    const { cluster, console: c } = consoleOn({ 'shell-demo.yaml': shellDemo });
    c.run('kubectl apply -f shell-demo.yaml');
    c.run('kubectl run client --image=curlimages/curl -- sleep 3600');
    c.run('kubectl wait --for=condition=Ready pod/shell-demo pod/client');
    const nodeIP = podIP(cluster, 'shell-demo');
    expect(nodeIP).toMatch(/^10\.0\.1\.\d+$/);
    expect(c.run(`kubectl exec shell-demo -- curl -s -o /dev/null -w '%{http_code}' http://localhost/`).stdout).toBe('403');
    c.run(`kubectl exec shell-demo -- sh -c "echo 'Hello shell demo' > /usr/share/nginx/html/index.html"`);
    expect(c.run('kubectl exec shell-demo -- curl -s http://localhost/').stdout).toBe('Hello shell demo\n');
    expect(c.run(`kubectl exec client -- curl -s http://${nodeIP}/`).stdout).toBe('Hello shell demo\n');
    const node = cluster.store.get<Pod>('Pod', 'default', 'shell-demo')!.spec.nodeName!;
    expect(c.run(`ssh ${node} curl -s http://${nodeIP}/`).stdout).toBe('Hello shell demo\n');
    const log = c.run('kubectl logs shell-demo').stdout;
    expect(log).toMatch(/\[error\] 29#29: \*1 directory index of "\/usr\/share\/nginx\/html\/" is forbidden, client: 127\.0\.0\.1, server: localhost, request: "GET \/ HTTP\/1\.1", host: "localhost"\n127\.0\.0\.1 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 403 153 /);
    // Deleted, it no longer answers there.
    c.run('kubectl delete pod shell-demo');
    expect(c.run(`kubectl exec client -- curl -s http://${nodeIP}/`).exitCode).toBe(7);
  });
});
