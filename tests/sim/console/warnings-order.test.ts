import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import { terminalText } from '../../../sim/node/programs';
import type { Pod } from '../../../sim/api/types';
import { hostnames } from './hostnames';

/**
 * kubectl prints an API warning to stderr as the response arrives, before the objects it
 * carries: a terminal (and so a transcript) shows the warning first.
 */
function console(files: Record<string, string> = {}) {
  return new Console(new Cluster({ seed: 1 }).boot(), { readFile: (p) => files[p] });
}

const endpointsWarning = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

describe('kubectl warnings come before the output they belong to', () => {
  it('get endpoints: the deprecation warning, then the table; the streams stay apart', () => {
    const c = console();
    const r = c.run('kubectl get endpoints kubernetes');
    expect(r.stderr).toBe(endpointsWarning);
    expect(r.stdout).toMatch(/^NAME {9}ENDPOINTS/);
    expect(terminalText(r)).toBe(endpointsWarning + r.stdout);
  });

  it('a line of several commands keeps their order: table, then the next command’s warning and table', () => {
    const c = console();
    const svc = c.run('kubectl get svc kubernetes').stdout;
    const ep = c.run('kubectl get ep kubernetes').stdout;
    expect(terminalText(c.run('kubectl get svc kubernetes; kubectl get ep kubernetes'))).toBe(svc + endpointsWarning + ep);
  });

  it('a NotFound error still comes after the table, the warning before it', () => {
    const r = console().run('kubectl get endpoints kubernetes nope');
    expect(terminalText(r)).toBe(`${endpointsWarning}${r.stdout}Error from server (NotFound): endpoints "nope" not found\n`);
    expect(r.exitCode).toBe(1);
  });

  it('apply: each object’s warning before its own line, each warning once', () => {
    const ep = (name: string) => `apiVersion: v1\nkind: Endpoints\nmetadata: {name: ${name}}\nsubsets: []\n`;
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: first}\n';
    const r = console({ 'all.yaml': `${cm}---\n${ep('a')}---\n${ep('b')}` }).run('kubectl apply -f all.yaml');
    expect(terminalText(r)).toBe(`configmap/first created\n${endpointsWarning}endpoints/a created\nendpoints/b created\n`);
  });

  it('delete --force --grace-period=0: the warning before the deletion line', () => {
    const c = console();
    c.run('kubectl run box --image=busybox -- sleep 3600');
    const r = c.run('kubectl delete pod box --force --grace-period=0');
    expect(terminalText(r)).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' +
        'pod "box" force deleted from default namespace\n',
    );
  });

  it('drain: cordoned, then the filters’ warning, then the evictions', () => {
    const c = console();
    c.run('kubectl run bare --image=nginx');
    c.run('kubectl wait --for=condition=Ready pod/bare');
    const node = c.cluster.store.get<Pod>('Pod', 'default', 'bare')!.spec.nodeName!;
    expect(terminalText(c.run(`kubectl drain ${node} --force`))).toBe(
      `node/${node} cordoned\nWarning: deleting Pods that declare no controller: default/bare\nevicting pod default/bare\npod/bare evicted\nnode/${node} drained\n`,
    );
  });

  it('kubectl exec … sh -c with a loop: each failure stays between the successes around it', () => {
    const { c, pods } = hostnames(1, 'kubectl run client --image=busybox --restart=Never -- sleep 3600', 'kubectl wait --for=condition=Ready pod/client');
    const ip = pods[0].status!.podIP!;
    const r = c.run(`kubectl exec client -- sh -c 'for p in 9376 1 9376; do wget -qO- ${ip}:$p; echo; done'`);
    // Blank lines aside (whether the body ends with a newline is the image's business).
    const lines = terminalText(r).split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(pods[0].metadata.name);
    expect(lines[1]).toMatch(/^wget: can't connect to remote host \(.*\): Connection refused$/);
    expect(lines[2]).toBe(pods[0].metadata.name);
  });

  it('logs of a Deployment: which Pod kubectl picked, then the log', () => {
    const c = console();
    c.run("kubectl create deployment talk --image=busybox --replicas=2 -- sh -c 'echo hello; sleep 3600'");
    c.run('kubectl rollout status deployment/talk');
    const r = c.run('kubectl logs deployment/talk');
    expect(terminalText(r)).toMatch(/^Found 2 pods, using pod\/talk-[a-z0-9]+-[a-z0-9]{5}\nhello\n$/);
  });
});
