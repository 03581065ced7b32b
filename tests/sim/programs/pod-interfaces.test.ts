import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import type { Node, Pod } from '../../../sim/api/types';

/** A BusyBox Pod, an nginx Pod and a hostNetwork BusyBox Pod on the default cluster. */
function cluster() {
  const cl = new Cluster({ seed: 1 }).boot();
  const hostNetworkPod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: hn}\nspec:\n  hostNetwork: true\n  nodeName: node-1\n  containers: [{name: c, image: busybox, command: [sleep, "3600"]}]\n';
  const c = new Console(cl, { readFile: (path) => (path === 'hn.yaml' ? hostNetworkPod : undefined) });
  c.run('kubectl run bb --image=busybox:1.36 --restart=Never -- sleep 3600');
  c.run('kubectl run web --image=nginx');
  c.run('kubectl apply -f hn.yaml');
  c.run('sleep 20');
  const pod = (name: string) => cl.store.get<Pod>('Pod', 'default', name)!;
  return { cl, c, pod };
}

describe("BusyBox's ip applet in a Pod", () => {
  const { cl, c, pod } = cluster();
  const bb = pod('bb');
  const node = cl.nodes.get(bb.spec.nodeName!)!;
  const hostEnd = [...node.sandboxes.values()].findIndex((s) => s.podName === 'bb') + 4;

  it('ip addr lists lo and eth0 in BusyBox’s format: eth0@ifN names the host end of the veth, M-DOWN, no group', () => {
    const out = c.run('kubectl exec bb -- ip addr').stdout;
    const ip = bb.status!.podIP!;
    const [a, b, x, y] = ip.split('.').map(Number);
    const mac = ['0a', '58', ...[a, b, x, y].map((n) => n.toString(16).padStart(2, '0'))].join(':');
    expect(out).toBe(
      [
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '    inet6 ::1/128 scope host ',
        '       valid_lft forever preferred_lft forever',
        `2: eth0@if${hostEnd}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP `,
        `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff`,
        `    inet ${ip}/24 brd ${ip.replace(/\.\d+$/, '.255')} scope global eth0`,
        '       valid_lft forever preferred_lft forever',
        `    inet6 fe80::858:${(a ^ 0).toString(16)}ff:fe${b.toString(16)}:${((x << 8) | y).toString(16)}/64 scope link `,
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
    // The node lists the same veth under that index, its peer being the Pod's eth0 (index 2).
    expect(c.run(`ssh ${node.name} ip addr`).stdout).toMatch(new RegExp(`\\n${hostEnd}: veth[0-9a-f]{8}@if2: `));
  });

  it('ip -4 a leaves out the link lines and IPv6; ip r shows the default route via cni0 and the Pod subnet', () => {
    expect(c.run('kubectl exec bb -- ip -4 a').stdout).not.toMatch(/link\/|inet6/);
    const gw = node.podCIDR.replace(/0\/24$/, '1');
    expect(c.run('kubectl exec bb -- ip r').stdout).toBe(`default via ${gw} dev eth0 \n${node.podCIDR} dev eth0 scope link  src ${bb.status!.podIP} \n`);
  });

  it('changing addresses needs CAP_NET_ADMIN; no object prints the usage; Debian images have no ip', () => {
    expect(c.run('kubectl exec bb -- ip addr add 10.9.9.9/32 dev eth0')).toMatchObject({ stderr: 'ip: RTNETLINK answers: Operation not permitted\ncommand terminated with exit code 2\n', exitCode: 2 });
    const usage = c.run('kubectl exec bb -- ip');
    expect(usage.stderr).toMatch(/^BusyBox v1\.36\.1 multi-call binary\.\n\nUsage: ip \[OPTIONS\] address\|route\|link\|tunnel\|neigh\|rule \[COMMAND\]\n/);
    expect(usage.exitCode).toBe(1);
    expect(c.run('kubectl exec web -- ip addr').stderr).toContain('exec: "ip": executable file not found in $PATH');
  });

  it('a hostNetwork Pod sees the node’s interfaces, and BusyBox names a veth’s peer by this namespace’s index 2 (eth0)', () => {
    const out = c.run('kubectl exec hn -- ip a').stdout;
    expect(out).toContain(`2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP qlen 1000\n    link/ether`);
    expect(out).toContain(`    inet ${cl.nodes.get('node-1')!.ip}/16 brd 10.0.255.255 scope global eth0\n`);
    expect(out).toMatch(/: veth[0-9a-f]{8}@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master cni0 state UP \n/);
  });

  it('a hostNetwork Pod sees the node’s routes, in BusyBox’s format: no proto, a space before src and metric', () => {
    const node = cl.nodes.get('node-1')!;
    const routes = c.run('kubectl exec hn -- ip route').stdout.split('\n');
    expect(routes[0]).toBe(`default via 10.0.0.1 dev eth0  src ${node.ip}  metric 100 `);
    expect(routes).toContain(`${node.podCIDR} dev cni0 scope link  src ${node.podCIDR.replace(/0\/24$/, '1')} `);
    // The same routes as the node's own iproute2 prints, one per line.
    expect(routes.length).toBe(c.run('ssh node-1 ip route').stdout.split('\n').length);
  });
});

describe('loopback stays inside its network namespace', () => {
  const { c } = cluster();

  it('a Pod reaches its own server on localhost, and nothing of the node', () => {
    expect(c.run("kubectl exec web -- curl -s -o /dev/null -w '%{http_code}' localhost").stdout).toBe('200');
    expect(c.run('kubectl exec web -- curl -sS localhost:10256/healthz').stderr).toMatch(/^curl: \(7\) Failed to connect to localhost port 10256 after 0 ms/);
  });

  it('on a node, kube-proxy’s metrics port answers on 127.0.0.1 only: /proxyMode is iptables, with no newline', () => {
    expect(c.run('ssh node-1 curl -s http://localhost:10249/proxyMode').stdout).toBe('iptables');
    expect(c.run('ssh node-1 curl -s http://localhost:10249/nope').stdout).toBe('404 page not found\n');
    expect(c.run('ssh node-1 curl -sS http://10.0.1.11:10249/proxyMode').stderr).toMatch(/^curl: \(7\) Failed to connect to 10\.0\.1\.11 port 10249/);
  });

  it('kube-proxy’s /healthz and /livez on 10256 print Go times with the monotonic reading; healthy, lastUpdated is now', () => {
    const healthz = c.run('ssh node-1 curl -s localhost:10256/healthz').stdout;
    expect(healthz).toMatch(/^\{"lastUpdated": "(2026-01-01 00:00:\d\d(\.\d+)? \+0000 UTC m=\+\d+\.\d{9})","currentTime": "\1", "nodeEligible": true\}$/);
    expect(c.run('ssh node-1 curl -s localhost:10256/livez').stdout).toMatch(/^\{"lastUpdated": "[^"]+","currentTime": "[^"]+"\}$/);
    c.run('sim stop kube-proxy node-1');
    c.run('sleep 5');
    // ssh joins its arguments for the remote shell: quoted once more, -w's format survives that second split.
    const stale = c.run(`ssh node-1 "curl -s -w '\\n%{http_code}' localhost:10256/healthz"`).stdout;
    const [, last, now] = /"lastUpdated": "([^"]+)","currentTime": "([^"]+)"/.exec(stale)!;
    expect(last).not.toBe(now);
    expect(stale.endsWith('\n503')).toBe(true);
    expect(c.run('ssh node-1 curl -si localhost:10256/healthz').stdout).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\nContent-Type: application\/json\r\nX-Content-Type-Options: nosniff\r\nDate: [^\r]+\r\nContent-Length: \d+\r\n\r\n\{/);
  });
});

describe("the cloud's node controller", () => {
  it('adds each public node’s ExternalIP, which kubectl get nodes -o wide shows', () => {
    const cl = new Cluster({ seed: 1 }).boot();
    const node = cl.store.get<Node>('Node', '', 'node-1')!;
    expect(node.status!.addresses!.map((a) => a.type)).toEqual(['InternalIP', 'ExternalIP', 'Hostname']);
    const wide = new Console(cl).run('kubectl get nodes -o wide').stdout;
    expect(wide).toMatch(/\nnode-1 +Ready +<none> +\S+ +v[\d.]+ +10\.0\.1\.11 +203\.0\.113\.10 /);
  });
});
