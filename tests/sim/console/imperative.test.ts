import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import type { Deployment, Node, Pod, Service } from '../../../sim/api/types';
import { serverVersion } from '../../../sim/api/server-version';

function setup() {
  const cluster = new Cluster({ seed: 1 });
  return { cluster, c: new Console(cluster) };
}

describe('kubectl create', () => {
  it('creates a Deployment labelled app=NAME with a container named after the image', () => {
    const { cluster, c } = setup();
    expect(c.run('kubectl create deployment hostnames --image=registry.k8s.io/serve_hostname:1.0 --replicas=2 --port=9376')).toEqual({ stdout: 'deployment.apps/hostnames created\n', stderr: '', exitCode: 0 });
    const d = cluster.store.get<Deployment>('Deployment', 'default', 'hostnames')!;
    expect(d.metadata.labels).toEqual({ app: 'hostnames' });
    expect(d.spec.selector.matchLabels).toEqual({ app: 'hostnames' });
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.template.spec.containers[0]).toMatchObject({ name: 'serve-hostname', image: 'registry.k8s.io/serve_hostname:1.0', ports: [{ containerPort: 9376 }] });
    expect(c.run('kubectl create deployment hostnames --image=nginx').stderr).toBe('error: failed to create deployment: deployments.apps "hostnames" already exists\n');
    expect(c.run('kubectl create deployment x').stderr).toBe('error: required flag(s) "image" not set\n');
  });
  it('creates namespaces, configmaps and services as kubectl names them', () => {
    const { cluster, c } = setup();
    expect(c.run('kubectl create namespace team').stdout).toBe('namespace/team created\n');
    expect(c.run('kubectl create namespace team').stderr).toBe('Error from server (AlreadyExists): namespaces "team" already exists\n');
    expect(c.run('kubectl create configmap cfg -n team --from-literal=a=1 --from-literal=b=2').stdout).toBe('configmap/cfg created\n');
    expect(cluster.store.get('ConfigMap', 'team', 'cfg')).toMatchObject({ data: { a: '1', b: '2' } });
    expect(c.run('kubectl create service nodeport web --tcp=5678:8080').stdout).toBe('service/web created\n');
    const svc = cluster.store.get<Service>('Service', 'default', 'web')!;
    expect(svc.spec).toMatchObject({ type: 'NodePort', selector: { app: 'web' }, ports: [{ name: '5678-8080', port: 5678, targetPort: 8080, protocol: 'TCP' }] });
    expect(c.run('kubectl create service clusterip x').stderr).toBe('error: at least one tcp port specifier must be provided\n');
  });
});

describe('kubectl expose and run', () => {
  it("exposes a Deployment with its selector, labels and container ports", () => {
    const { cluster, c } = setup();
    c.run('kubectl create deployment web --image=nginx --port=80');
    expect(c.run('kubectl expose deployment web --target-port=8080 --name=front --type=NodePort').stdout).toBe('service/front exposed\n');
    const svc = cluster.store.get<Service>('Service', 'default', 'front')!;
    expect(svc.spec).toMatchObject({ type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] });
    expect(svc.metadata.labels).toEqual({ app: 'web' });
  });
  it('cannot expose without a port and changes nothing', () => {
    const { cluster, c } = setup();
    c.run('kubectl create deployment web --image=nginx');
    expect(c.run('kubectl expose deployment web')).toEqual({ stdout: '', stderr: "error: couldn't find port via --port flag or introspection\n", exitCode: 1 });
    expect(cluster.store.get('Service', 'default', 'web')).toBeUndefined();
    expect(c.run('kubectl expose configmap kube-root-ca.crt').exitCode).toBe(1);
  });
  it('runs a Pod labelled run=NAME with args after --, and --expose creates its Service first', () => {
    const { cluster, c } = setup();
    expect(c.run('kubectl run web --image=nginx --port=80 --expose').stdout).toBe('service/web created\npod/web created\n');
    expect(cluster.store.get<Service>('Service', 'default', 'web')!.spec.selector).toEqual({ run: 'web' });
    expect(c.run('kubectl run box --image=busybox --restart=Never -- sleep 3600').stdout).toBe('pod/box created\n');
    const pod = cluster.store.get<Pod>('Pod', 'default', 'box')!;
    expect(pod.spec).toMatchObject({ restartPolicy: 'Never', containers: [{ name: 'box', image: 'busybox', args: ['sleep', '3600'] }] });
    expect(pod.metadata.labels).toEqual({ run: 'box' });
    expect(c.run('kubectl run x --image=nginx --expose').stderr).toBe('error: --port must be set when exposing a service\n');
  });
  it('without a terminal, run -it cannot use a TTY: the shell reads end of file and --rm deletes the Pod', () => {
    const { cluster, c } = setup();
    cluster.boot();
    const r = c.run('kubectl run -it --rm --restart=Never tmp --image=busybox -- sh');
    expect(r.stderr.split('\n')[0]).toBe('Unable to use a TTY - input is not a terminal or the right kind of file');
    expect(r).toMatchObject({ stdout: 'pod "tmp" deleted from default namespace\n', exitCode: 0 });
    expect(c.run('kubectl run -t x --image=busybox').stderr).toBe('error: -i/--stdin is required for containers with -t/--tty=true\n');
    expect(c.run('kubectl run --rm x --image=busybox').stderr).toBe('error: --rm should only be used for attached containers\n');
  });
});

describe('kubectl run --overrides', () => {
  it('merges JSON into the generated Pod (merge by default, json and strategic on request)', () => {
    const { cluster, c } = setup();
    expect(c.run(`kubectl run hn --image=busybox --restart=Never --overrides='{"spec":{"hostNetwork":true,"nodeName":"node-2"}}' -- sleep 60`).stdout).toBe('pod/hn created\n');
    expect(cluster.store.get<Pod>('Pod', 'default', 'hn')!.spec).toMatchObject({ hostNetwork: true, nodeName: 'node-2', restartPolicy: 'Never' });
    c.run(`kubectl run j --image=busybox --override-type=json --overrides='[{"op":"replace","path":"/metadata/labels","value":{"team":"a"}}]'`);
    expect(cluster.store.get<Pod>('Pod', 'default', 'j')!.metadata.labels).toEqual({ team: 'a' });
    c.run(`kubectl run s --image=busybox --override-type=strategic --overrides='{"spec":{"containers":[{"name":"s","imagePullPolicy":"Never"}]}}'`);
    expect(cluster.store.get<Pod>('Pod', 'default', 's')!.spec.containers[0]).toMatchObject({ image: 'busybox', imagePullPolicy: 'Never' });
  });
  it("refuses what kubectl refuses, in its words, and creates nothing", () => {
    const { cluster, c } = setup();
    expect(c.run(`kubectl run a --image=busybox --overrides='{spec'`)).toEqual({ stdout: '', stderr: 'error: Invalid JSON Patch\n', exitCode: 1 });
    expect(c.run(`kubectl run a --image=busybox --overrides='{"spec":{"hostNetwork":"yes"}}'`).stderr).toBe('error: json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool\n');
    expect(c.run(`kubectl run a --image=busybox --override-type=json --overrides='[{op'`).stderr).toBe("error: invalid character 'o' looking for beginning of object key string\n");
    expect(c.run(`kubectl run a --image=busybox --override-type=xml --overrides='{}'`).stderr).toBe('error: invalid override type: xml\n');
    expect(cluster.store.get<Pod>('Pod', 'default', 'a')).toBeUndefined();
  });
});

describe('rollouts: set image, history, undo', () => {
  it('records revisions and rolls back to the previous template', () => {
    const { cluster, c } = setup();
    c.run('kubectl create deployment web --image=nginx:1.27');
    c.run('kubectl rollout status deployment/web');
    expect(c.run('kubectl set image deployment/web nginx=nginx:1.28').stdout).toBe('deployment.apps/web image updated\n');
    expect(c.run('kubectl set image deployment/web nginx=nginx:1.28').stdout).toBe('');
    expect(c.run('kubectl set image deployment/web app=x').stderr).toBe('error: unable to find container named "app"\n');
    c.run('kubectl rollout status deployment/web');
    expect(c.run('kubectl rollout history deployment/web').stdout).toBe('deployment.apps/web\nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(c.run('kubectl rollout undo deployment/web').stdout).toBe('deployment.apps/web rolled back\n');
    expect(cluster.store.get<Deployment>('Deployment', 'default', 'web')!.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(c.run('kubectl rollout undo deployment/web --to-revision=7').stderr).toBe('error: unable to find specified revision 7 in history\n');
  });
});

describe('node maintenance', () => {
  it('cordons, drains with evictions in virtual time, and uncordons', () => {
    const { cluster, c } = setup();
    c.run('kubectl create deployment web --image=nginx --replicas=3');
    c.run('kubectl rollout status deployment/web');
    const onNode1 = () => cluster.store.list<Pod>('Pod').filter((p) => p.spec.nodeName === 'node-1');
    const names = onNode1().map((p) => `${p.metadata.namespace}/${p.metadata.name}`).sort();
    expect(names.length).toBeGreaterThan(0);
    const r = c.run('kubectl drain node-1 --ignore-daemonsets');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('node/node-1 cordoned');
    for (const n of names) expect(r.stdout).toContain(`evicting pod ${n}\n`);
    expect(r.stdout.endsWith('node/node-1 drained\n')).toBe(true);
    expect(onNode1()).toEqual([]);
    expect(cluster.store.get<Node>('Node', '', 'node-1')!.spec.unschedulable).toBe(true);
    expect(c.run('kubectl uncordon node-1').stdout).toBe('node/node-1 uncordoned\n');
    expect(c.run('kubectl uncordon node-1').stdout).toBe('node/node-1 already uncordoned\n');
  });
  it('stops at a Pod no controller owns unless --force', () => {
    const { cluster, c } = setup();
    c.run('kubectl run bare --image=nginx');
    c.run('kubectl wait --for=condition=Ready pod/bare');
    const node = cluster.store.get<Pod>('Pod', 'default', 'bare')!.spec.nodeName!;
    const r = c.run(`kubectl drain ${node}`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare');
    expect(cluster.store.get('Pod', 'default', 'bare')).toBeDefined();
    expect(c.run(`kubectl drain ${node} --force`).stderr).toBe('Warning: deleting Pods that declare no controller: default/bare\n');
    expect(cluster.store.get('Pod', 'default', 'bare')).toBeUndefined();
  });
});

describe('annotate, logs, version and discovery', () => {
  it('annotates, refusing to overwrite without --overwrite', () => {
    const { cluster, c } = setup();
    expect(c.run('kubectl annotate node node-1 owner=me').stdout).toBe('node/node-1 annotated\n');
    expect(c.run('kubectl annotate node node-1 owner=you').stderr).toBe("error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (me)\n");
    expect(c.run('kubectl annotate node node-1 owner=you --overwrite').exitCode).toBe(0);
    expect(cluster.store.get('Node', '', 'node-1')!.metadata.annotations?.owner).toBe('you');
  });
  it("prints a running container's log and the API error for a waiting one", () => {
    const { c } = setup();
    c.run('kubectl run web --image=nginx');
    expect(c.run('kubectl logs web')).toEqual({ stdout: '', stderr: 'Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n', exitCode: 1 });
    c.run('kubectl wait --for=condition=Ready pod/web');
    const log = c.run('kubectl logs web');
    expect(log.stdout).toMatch(/^\/docker-entrypoint\.sh: .*\n[^]*\[notice\] 1#1: start worker process 30\n$/);
    expect(log.stderr).toBe('');
    expect(c.run('kubectl logs nope').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
  it("prints what the container's process wrote, the previous run with --previous, the last lines with --tail", () => {
    const { c } = setup();
    c.run(`kubectl run hello --image=busybox -- sh -c 'echo hello; echo world; sleep 2; exit 1'`);
    c.run('sleep 6');
    expect(c.run('kubectl logs hello').stdout).toBe('hello\nworld\n');
    expect(c.run('kubectl logs hello --tail=1').stdout).toBe('world\n');
    expect(c.run('kubectl logs hello --previous').stdout).toBe('hello\nworld\n');
    c.run('sim stop node ' + c.run(`kubectl get pod hello -o jsonpath={.spec.nodeName}`).stdout);
    expect(c.run('kubectl logs hello').stderr).toMatch(/^Error from server: Get "https:\/\/10\.0\.1\.\d+:10250\/containerLogs\/default\/hello\/hello": dial tcp .* no route to host\n$/);
  });
  it('prints version, cluster-info and api-resources', () => {
    const { c } = setup();
    expect(c.run('kubectl version').stdout).toBe('Client Version: v1.35.0\nKustomize Version: v5.7.1\nServer Version: v1.35.0\n');
    // As kubectl v1.34.3 prints them against a v1.34.3 cluster (a pasted terminal session): the
    // client's build without the server-only emulation fields; YAML keys sorted, numbers and dates quoted.
    const json = JSON.parse(c.run('kubectl version -o json').stdout);
    expect(Object.keys(json)).toEqual(['clientVersion', 'kustomizeVersion', 'serverVersion']);
    expect(Object.keys(json.clientVersion)).toEqual(['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']);
    expect(json.serverVersion).toEqual(serverVersion('v1.35.0'));
    expect(c.run('kubectl version -o json').stdout).toMatch(/^\{\n {2}"clientVersion": \{\n {4}"major": "1",\n[\s\S]*\n {2}"kustomizeVersion": "v5\.7\.1",\n[\s\S]*"minCompatibilityMinor": "34",[\s\S]*\n {2}\}\n\}\n$/);
    const yaml = c.run('kubectl version --client -o yaml').stdout;
    expect(yaml).toBe('clientVersion:\n  buildDate: "2025-12-17T12:32:07Z"\n  compiler: gc\n  gitCommit: 66452049f3d692768c39c797b21b793dce80314e\n  gitTreeState: clean\n  gitVersion: v1.35.0\n  goVersion: go1.25.5\n  major: "1"\n  minor: "35"\n  platform: linux/amd64\nkustomizeVersion: v5.7.1\n\n');
    expect(c.run('kubectl version -o wide')).toMatchObject({ stdout: '', stderr: "error: --output must be 'yaml' or 'json'\n", exitCode: 1 });
    expect(c.run('kubectl cluster-info').stdout).toContain('\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://10.0.1.11:6443\x1b[0m\n');
    const lines = c.run('kubectl api-resources').stdout.split('\n');
    expect(lines[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    expect(lines[1]).toMatch(/^configmaps +cm +v1 +true +ConfigMap$/);
  });
});

describe('kubectl get output options', () => {
  it('filters by field, sorts, hides headers and adds label columns', () => {
    const { c } = setup();
    c.run('kubectl create deployment web --image=nginx --replicas=2');
    c.run('kubectl rollout status deployment/web');
    const ips = c.run("kubectl get pods -l app=web -o jsonpath='{.items[*].status.podIP}'").stdout.split(' ');
    expect(ips).toHaveLength(2);
    expect(c.run('kubectl get pods -A --field-selector metadata.namespace=kube-system,status.phase=Running --no-headers -o name').stdout.split('\n').filter(Boolean).every((l) => l.startsWith('pod/coredns-'))).toBe(true);
    expect(c.run('kubectl get pods --field-selector spec.bogus=x').stderr).toBe('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.bogus=x": field label not supported: spec.bogus\n');
    const table = c.run('kubectl get pods -L app --no-headers').stdout;
    expect(table.split('\n')[0]).toMatch(/ web$/);
    const sorted = c.run("kubectl get pods -o custom-columns=IP:.status.podIP --no-headers --sort-by=.status.podIP").stdout.trim().split('\n');
    expect(sorted).toEqual([...ips].sort());
  });
});
