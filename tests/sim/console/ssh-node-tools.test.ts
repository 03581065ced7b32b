import { describe, expect, it } from 'vitest';
import { hostnames } from './hostnames';

describe('ssh NODE curl: from the node’s own network namespace', () => {
  it('reaches a ClusterIP (kube-proxy’s OUTPUT rules apply on the node) and a Pod IP', () => {
    const { c, pods, clusterIP } = hostnames();
    // serve_hostname answers with its Pod's name (whether a newline follows is the image's business).
    const names = pods.map((p) => p.metadata.name);
    expect(names).toContain(c.run(`ssh node-1 curl -s ${clusterIP}:80`).stdout.trim());
    const far = pods.find((p) => p.spec.nodeName === 'node-3')!;
    const direct = c.run(`ssh node-1 curl -s ${far.status!.podIP}:9376`);
    expect([direct.stdout.trim(), direct.exitCode]).toEqual([far.metadata.name, 0]);
  });

  it('does not resolve cluster names: the node’s resolver is the VPC’s, not the cluster DNS', () => {
    const { c } = hostnames();
    expect(c.run('ssh node-1 curl -sS http://hostnames')).toMatchObject({ stderr: 'curl: (6) Could not resolve host: hostnames\n', exitCode: 6 });
  });
});

describe('ssh NODE ping (iputils)', () => {
  it('a Pod IP answers, with iputils’ lines and summary', () => {
    const { c, pods } = hostnames();
    const far = pods.find((p) => p.spec.nodeName === 'node-2')!.status!.podIP!;
    const r = c.run(`ssh node-1 ping -c 2 ${far}`);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`PING ${far} (${far}) 56(84) bytes of data.`);
    expect(lines[1]).toMatch(new RegExp(`^64 bytes from ${far.replace(/\./g, '\\.')}: icmp_seq=1 ttl=63 time=0\\.\\d{3} ms$`));
    expect(lines[2]).toMatch(/^64 bytes from .*: icmp_seq=2 ttl=63 time=/);
    expect(lines.slice(3, 6)).toEqual(['', `--- ${far} ping statistics ---`, '2 packets transmitted, 2 received, 0% packet loss, time 1001ms']);
    expect(lines[6]).toMatch(/^rtt min\/avg\/max\/mdev = \d\.\d{3}\/\d\.\d{3}\/\d\.\d{3}\/\d\.\d{3} ms$/);
    expect(r.exitCode).toBe(0);
  });

  it('a ClusterIP never answers: 100% loss, exit 1, after waiting for the last reply', () => {
    const { cluster, c, clusterIP } = hostnames();
    const before = cluster.clock.now;
    const r = c.run(`ssh node-1 ping -c 3 ${clusterIP}`);
    expect(r.stdout).toBe(`PING ${clusterIP} (${clusterIP}) 56(84) bytes of data.\n\n--- ${clusterIP} ping statistics ---\n3 packets transmitted, 0 received, 100% packet loss, time 2000ms\n\n`);
    expect(r.exitCode).toBe(1);
    expect(cluster.clock.now - before).toBe(12_000);
  });

  it('a name the node cannot resolve, and a run without -c, end at once', () => {
    const { c } = hostnames();
    expect(c.run('ssh node-1 ping -c 1 hostnames')).toMatchObject({ stderr: 'ping: hostnames: Temporary failure in name resolution\n', exitCode: 2 });
    expect(c.run('ssh node-1 ping 10.0.1.12').exitCode).toBe(2);
  });
});

describe('ssh NODE ps', () => {
  it('ps auxw lists kube-proxy, the kubelet and each Pod’s shim, pause and main process, with stable PIDs', () => {
    const { c, pods } = hostnames();
    const out = c.run('ssh node-1 ps auxw').stdout;
    const lines = out.split('\n');
    expect(lines[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(lines[1]).toBe('root           1  0.0  0.3  22360 13404 ?        Ss   00:00   0:00 /sbin/init');
    expect(out).toMatch(/^root {9}712 .* \/usr\/local\/bin\/kube-proxy --config=\/var\/lib\/kube-proxy\/kube-proxy-config\.yaml --v=4$/m);
    expect(out).toMatch(/^65535 {7}\d+ .* \/pause$/m);
    expect(out).toMatch(/^root .* \/serve_hostname$/m);
    expect(pods.filter((p) => p.spec.nodeName === 'node-1')).toHaveLength(1);
    // Same PIDs on a second look, except ps' own.
    const again = c.run('ssh node-1 ps auxw').stdout.split('\n');
    expect(again.slice(0, -3)).toEqual(lines.slice(0, -3));
  });

  it('kube-proxy is gone from ps once stopped, and comes back with a new PID', () => {
    const { c } = hostnames();
    c.run('sim stop kube-proxy node-1');
    expect(c.run('ssh node-1 ps aux').stdout).not.toContain('kube-proxy');
    c.run('sim start kube-proxy node-1');
    expect(c.run('ssh node-1 ps -ef').stdout).toMatch(/^root {8}1\d{3} {7}1 {2}0 00:00 \? {8}00:00:00 \/usr\/local\/bin\/kube-proxy /m);
  });
});

describe('ssh NODE journalctl -u kube-proxy', () => {
  it('shows kube-proxy’s klog lines: the mode, each Service port added, each sync', () => {
    const { c, clusterIP } = hostnames();
    const out = c.run('ssh node-1 journalctl -u kube-proxy').stdout;
    const lines = out.split('\n');
    expect(lines[0]).toBe('Jan 01 00:00:00 node-1 systemd[1]: Started kube-proxy.service - Kubernetes Kube Proxy.');
    expect(lines[1]).toBe('Jan 01 00:00:00 node-1 kube-proxy[712]: I0101 00:00:00.000012     712 server_linux.go:66] "Using iptables proxy"');
    const ip = clusterIP.replace(/\./g, '\\.');
    expect(out).toMatch(new RegExp(`kube-proxy\\[712\\]: I0101 \\d\\d:\\d\\d:\\d\\d\\.\\d{6}     712 servicechangetracker\\.go:196\\] "Adding new service port" portName="default/hostnames" servicePort="${ip}:80/TCP"\n`));
    expect(out).toMatch(/"Setting endpoints for service port name" portName="default\/hostnames" endpoints=\["10\.244\.\d\.\d:9376","10\.244\.\d\.\d:9376","10\.244\.\d\.\d:9376"\]/);
    expect(out).toMatch(/"Reloading service iptables data" ipFamily="IPv4" numServices=5 numEndpoints=10 numFilterChains=\d+ numFilterRules=\d+ numNATChains=\d+ numNATRules=\d+\n/);
    expect(lines.at(-2)).toMatch(/proxier\.go:822\] "SyncProxyRules complete" ipFamily="IPv4" elapsed="[\d.]+ms"$/);
    expect(c.run('ssh node-1 journalctl -u kube-proxy -n 1').stdout.split('\n')).toHaveLength(2);
  });

  it('a Service deleted is a port removed; a stopped kube-proxy is systemd’s lines; other units have no entries', () => {
    const { c } = hostnames();
    c.run('kubectl delete service hostnames');
    c.run('sleep 2');
    expect(c.run('ssh node-2 journalctl -u kube-proxy').stdout).toContain('"Removing service port" portName="default/hostnames"\n');
    c.run('sim stop kube-proxy node-2');
    expect(c.run('ssh node-2 journalctl -u kube-proxy.service -n 3').stdout).toMatch(
      /systemd\[1\]: Stopping kube-proxy\.service - Kubernetes Kube Proxy\.\.\.\n.*systemd\[1\]: kube-proxy\.service: Deactivated successfully\.\n.*systemd\[1\]: Stopped kube-proxy\.service - Kubernetes Kube Proxy\.\n$/,
    );
    expect(c.run('ssh node-2 journalctl -u nothing')).toEqual({ stdout: '-- No entries --\n', stderr: '', exitCode: 0 });
  });

  it('a machine that booted again: a -- Boot ID -- line, and kube-proxy back at its boot-time PID', () => {
    const rebooted = () => {
      const { c } = hostnames();
      for (const line of ['sim stop node node-2', 'sleep 30', 'sim start node node-2', 'sleep 10']) c.run(line);
      return c;
    };
    const c = rebooted();
    const lines = c.run('ssh node-2 journalctl -u kube-proxy').stdout.split('\n');
    const boot = lines.findIndex((l) => l.startsWith('-- Boot '));
    expect(lines[boot]).toMatch(/^-- Boot [0-9a-f]{32} --$/);
    expect(lines.filter((l) => l.startsWith('-- Boot '))).toHaveLength(1);
    expect(lines[boot + 1]).toMatch(/ node-2 systemd\[1\]: Started kube-proxy\.service - Kubernetes Kube Proxy\.$/);
    expect(lines[boot + 2]).toMatch(/ node-2 kube-proxy\[712\]: I0101 .* "Using iptables proxy"$/);
    // The same boot id in another run of the same session.
    expect(rebooted().run('ssh node-2 journalctl -u kube-proxy | grep -e "-- Boot"').stdout).toBe(`${lines[boot]}\n`);
    expect(c.run('ssh node-2 ps aux').stdout).toMatch(/^root {11}1 .* 00:0\d {3}0:00 \/sbin\/init$/m);
  });

  it('journalctl -b picks a boot (this one, -1 the one before, 1 the first), -r reverses, -o cat prints messages, -q drops the separators', () => {
    const c = hostnames().c;
    for (const line of ['sim stop node node-2', 'sleep 30', 'sim start node node-2', 'sleep 10']) c.run(line);
    const all = c.run('ssh node-2 journalctl -u kube-proxy').stdout.split('\n').slice(0, -1);
    const separator = all.findIndex((l) => l.startsWith('-- Boot '));
    const [first, now] = [all.slice(0, separator), all.slice(separator + 1)];
    const lines = (cmd: string) => c.run(`ssh node-2 ${cmd}`).stdout.split('\n').slice(0, -1);
    expect(lines('journalctl -u kube-proxy -b')).toEqual(now);
    expect(lines('journalctl -u kube-proxy --boot=0')).toEqual(now);
    expect(lines('journalctl -u kube-proxy -b -1')).toEqual(first);
    expect(lines('journalctl -u kube-proxy -b1 -n 3 -r')).toEqual(first.slice(-3).reverse());
    expect(lines('journalctl -u kube-proxy -b -o cat -n 1')).toEqual([now.at(-1)!.replace(/^.*? kube-proxy\[712\]: /, '')]);
    expect(lines('journalctl -u kube-proxy -q')).toEqual([...first, ...now]);
    expect(c.run('ssh node-2 journalctl -b -2')).toEqual({ stdout: '', stderr: 'No journal boot entry found from the specified boot offset (-2).\n', exitCode: 1 });
    expect(c.run('ssh node-2 journalctl -b x')).toMatchObject({ stderr: "Failed to add match 'x': Invalid argument\n", exitCode: 1 });
    expect(c.run('ssh node-2 journalctl -o json')).toEqual({ stdout: '', stderr: "Unknown output format 'json'.\n", exitCode: 1 });
    expect(c.run('ssh node-2 journalctl -u nothing -q')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('journalctl -u kubelet: its start and registration, then each Pod the sync loop receives, asked to delete, and removes', () => {
    const { c, pods } = hostnames();
    const here = pods.find((p) => p.spec.nodeName === 'node-1')!;
    const key = `default/${here.metadata.name}`;
    c.run(`kubectl delete pod ${here.metadata.name}`);
    const out = c.run('ssh node-1 journalctl -u kubelet').stdout;
    expect(out.split('\n')[0]).toBe('Jan 01 00:00:00 node-1 systemd[1]: Started kubelet.service - Kubernetes Kubelet.');
    expect(out).toContain('kubelet[705]: I0101 00:00:00.000012     705 server.go:525] "Kubelet version" kubeletVersion="v1.35.0"\n');
    expect(out).toContain('"Successfully registered node" node="node-1"\n');
    const syncLoop = out.split('\n').filter((l) => l.includes(key)).map((l) => l.replace(/^.*\] "(SyncLoop \w+)" source="api" pods=\["(.*)"\]$/, '$1 $2'));
    expect(syncLoop).toEqual([`SyncLoop ADD ${key}`, `SyncLoop DELETE ${key}`, `SyncLoop REMOVE ${key}`]);
  });

  it('systemctl stop kube-proxy: the node’s rules go stale; start brings them back with a full sync', () => {
    const { c } = hostnames(2);
    const endpoints = () => c.run(`ssh node-1 iptables-save -t nat | grep -c 'DNAT --to-destination .*:9376'`).stdout;
    expect(c.run('ssh node-1 systemctl is-active kube-proxy kubelet')).toEqual({ stdout: 'active\nactive\n', stderr: '', exitCode: 0 });
    expect(c.run('ssh node-1 systemctl stop kube-proxy')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(c.run('ssh node-1 systemctl is-active kube-proxy')).toEqual({ stdout: 'inactive\n', stderr: '', exitCode: 3 });
    c.run('kubectl scale deployment hostnames --replicas=3');
    c.run('kubectl rollout status deployment/hostnames');
    c.run('sleep 2');
    expect(endpoints()).toBe('2\n');
    expect(c.run('ssh node-2 iptables-save -t nat | grep -c "DNAT --to-destination .*:9376"').stdout).toBe('3\n');
    c.run('ssh node-1 systemctl start kube-proxy');
    c.run('sleep 1');
    expect(endpoints()).toBe('3\n');
    expect(c.run('ssh node-1 systemctl start nope')).toEqual({ stdout: '', stderr: 'Failed to start nope.service: Unit nope.service not found.\n', exitCode: 5 });
  });

  it('an unknown command is still bash’s', () => {
    expect(hostnames().c.run('ssh node-1 nmap')).toEqual({ stdout: '', stderr: 'bash: line 1: nmap: command not found\n', exitCode: 127 });
  });
});

describe('ssh NODE with a quoted command line', () => {
  it('runs it in the node’s bash, so pipes filter on the node', () => {
    const { c, clusterIP } = hostnames();
    const remote = c.run(`ssh node-1 'iptables-save -t nat | grep "default/hostnames cluster IP" | wc -l'`);
    expect(remote).toEqual({ stdout: '2\n', stderr: '', exitCode: 0 });
    // The same as filtering in the reader's shell.
    expect(c.run(`ssh node-1 iptables-save -t nat | grep -c ${clusterIP}/32`).stdout).toBe('2\n');
    expect(c.run(`ssh node-1 'echo one; nmap; echo two'`)).toMatchObject({ stdout: 'one\ntwo\n', stderr: 'bash: line 1: nmap: command not found\n', exitCode: 0 });
    expect(c.run(`ssh node-1 'ip route |'`).exitCode).toBe(2);
  });
});
