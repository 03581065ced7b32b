import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../sim/api/types';
import { nginxWelcomePage } from '../../../sim/node/nginx';
import { clusterWith, exec } from '../services/cluster-fixture';

/** A Pod per image, and a client with curl. */
const pods = `
apiVersion: v1
kind: Pod
metadata: {name: web}
spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: site}
data:
  index.html: "<h1>mine</h1>\\n"
  hello.txt: "hello\\n"
---
apiVersion: v1
kind: Pod
metadata: {name: mounted}
spec:
  containers: [{name: nginx, image: "nginx:1.27", volumeMounts: [{name: site, mountPath: /usr/share/nginx/html}]}]
  volumes: [{name: site, configMap: {name: site}}]
---
apiVersion: v1
kind: Pod
metadata: {name: latest}
spec: {containers: [{name: nginx, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: hostnames}
spec: {hostname: named, containers: [{name: serve, image: registry.k8s.io/serve_hostname}]}
---
apiVersion: v1
kind: Pod
metadata: {name: netexec}
spec: {containers: [{name: netexec, image: registry.k8s.io/e2e-test-images/agnhost:2.53, args: [netexec, --http-port=8080]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: unknown}
spec: {containers: [{name: app, image: example.com/my-app:1, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec: {containers: [{name: client, image: nicolaka/netshoot, command: [sleep, infinity]}]}
`;

const ipOf = (cluster: ReturnType<typeof clusterWith>, name: string) => cluster.store.get<Pod>('Pod', 'default', name)!.status!.podIP!;

describe('the images answer HTTP as the real ones do', () => {
  const cluster = clusterWith(pods);
  const curl = (...args: string[]) => exec(cluster, 'client', ['curl', ...args]);

  it('nginx serves its 615-byte welcome page with nginx headers, and its 404 page elsewhere', () => {
    expect(new TextEncoder().encode(nginxWelcomePage).length).toBe(615);
    const ip = ipOf(cluster, 'web');
    expect(curl('-s', `http://${ip}/`).stdout).toBe(nginxWelcomePage);
    const verbose = curl('-sv', `http://${ip}/index.html`).stderr;
    expect(verbose).toContain('< HTTP/1.1 200 OK\n< Server: nginx/1.27.5\n< Date: ');
    expect(verbose).toMatch(/< Content-Type: text\/html\n< Content-Length: 615\n< Last-Modified: Wed, 16 Apr 2025 00:00:00 GMT\n< Connection: keep-alive\n< ETag: "67fef300-267"\n< Accept-Ranges: bytes\n/);
    const missing = curl('-sv', `http://${ip}/nope`);
    expect(missing.stdout).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n');
    expect(missing.stderr).toContain('< HTTP/1.1 404 Not Found\n< Server: nginx/1.27.5');
    expect(curl('-sv', `http://${ipOf(cluster, 'latest')}/`).stderr).toContain('< Server: nginx/1.29.3');
  });

  it('nginx serves the files under /usr/share/nginx/html: a ConfigMap mounted there hides the image files', () => {
    const ip = ipOf(cluster, 'mounted');
    expect(curl('-s', `http://${ip}/`).stdout).toBe('<h1>mine</h1>\n');
    expect(curl('-s', `http://${ip}/hello.txt`).stdout).toBe('hello\n');
    expect(curl('-sv', `http://${ip}/hello.txt`).stderr).toContain('< Content-Type: text/plain\n< Content-Length: 6\n');
  });

  it('serve_hostname answers with the hostname and no newline', () => {
    expect(curl('-s', `http://${ipOf(cluster, 'hostnames')}:9376/any`).stdout).toBe('named');
  });

  it('agnhost netexec answers /hostname, /clientip, /echo and / as netexec does', () => {
    const ip = ipOf(cluster, 'netexec');
    expect(curl('-s', `http://${ip}:8080/hostname`).stdout).toBe('netexec');
    expect(curl('-s', `http://${ip}:8080/clientip`).stdout).toMatch(new RegExp(`^${ipOf(cluster, 'client').replaceAll('.', '\\.')}:\\d+$`));
    expect(curl('-s', `http://${ip}:8080/echo?msg=hi`).stdout).toBe('hi');
    expect(curl('-s', `http://${ip}:8080/`).stdout).toMatch(/^NOW: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC m=\+\d+\.\d{9}$/);
  });

  it('an image the simulator does not know answers with its Pod name and a newline (the convention)', () => {
    expect(curl('-s', `http://${ipOf(cluster, 'unknown')}:8080/`).stdout).toBe('unknown\n');
  });
});

describe('the servers log as the real ones do', () => {
  it('serve_hostname logs "Serving on port 9376." at start and each HTTP request it answers, with Go log timestamps', () => {
    const cluster = clusterWith(pods);
    const client = ipOf(cluster, 'client');
    exec(cluster, 'client', ['curl', '-s', `http://${ipOf(cluster, 'hostnames')}:9376/`]);
    const pod = cluster.store.get<Pod>('Pod', 'default', 'hostnames')!;
    const log = cluster.nodes.get(pod.spec.nodeName!)!.kubelet!.containerLog(pod, 'serve')!;
    expect(log).toMatch(new RegExp(`^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d Serving on port 9376\\.\\n\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d HTTP request from ${client.replaceAll('.', '\\.')}:\\d+\\n$`));
  });
});
