import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';

const sa = '/var/run/secrets/kubernetes.io/serviceaccount';
const asPod = (path: string, extra = '') => `kubectl exec client -- sh -c 'curl -s ${extra} --cacert ${sa}/ca.crt -H "Authorization: Bearer $(cat ${sa}/token)" https://kubernetes.default.svc${path}'`;

function clusterWithClient() {
  const console = new Console(new Cluster());
  console.run('kubectl run client --image=curlimages/curl -- sleep 3600');
  console.run('kubectl wait --for=condition=Ready pod/client');
  return console;
}

describe('the API server over HTTPS, from a Pod', () => {
  const console = clusterWithClient();

  it("verifies with the Pod's ca.crt under every name of the kubernetes Service, and as 10.96.0.1", () => {
    for (const host of ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', '10.96.0.1']) {
      expect(console.run(`kubectl exec client -- curl -sS --cacert ${sa}/ca.crt https://${host}/livez`).stdout).toBe('ok');
    }
  });

  it('authenticates the mounted token as the Pod’s service account, and RBAC refuses it every resource', () => {
    expect(JSON.parse(console.run(asPod('/api')).stdout)).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const refused = JSON.parse(console.run(asPod('/api/v1/namespaces/kube-system/services/kube-dns')).stdout);
    expect(refused).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Forbidden', code: 403,
      message: 'services "kube-dns" is forbidden: User "system:serviceaccount:default:default" cannot get resource "services" in API group "" in the namespace "kube-system"',
      details: { name: 'kube-dns', kind: 'services' },
    });
    expect(JSON.parse(console.run(asPod('/api/v1/nodes', '-X DELETE')).stdout).message).toBe(
      'nodes is forbidden: User "system:serviceaccount:default:default" cannot deletecollection resource "nodes" in API group "" at the cluster scope',
    );
    expect(JSON.parse(console.run(asPod('/metrics')).stdout).message).toBe('forbidden: User "system:serviceaccount:default:default" cannot get path "/metrics"');
  });

  it('answers compact JSON with a newline to a client that is not curl, Wget or a browser', () => {
    const out = console.run(`kubectl exec client -- curl -s -k -H "User-Agent: kubectl/v1.35.0" https://kubernetes/api`).stdout;
    expect(out).toBe('{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"forbidden: User \\"system:anonymous\\" cannot get path \\"/api\\"","reason":"Forbidden","details":{},"code":403}\n');
  });

  it('tells anyone its build at /version, indented, with no newline, whatever the client', () => {
    // A v1.35.0 kube-apiserver's answer, field for field (apimachinery version.Info).
    const build = '{\n  "major": "1",\n  "minor": "35",\n  "emulationMajor": "1",\n  "emulationMinor": "35",\n  "minCompatibilityMajor": "1",\n  "minCompatibilityMinor": "34",\n  "gitVersion": "v1.35.0",\n  "gitCommit": "66452049f3d692768c39c797b21b793dce80314e",\n  "gitTreeState": "clean",\n  "buildDate": "2025-12-17T12:32:07Z",\n  "goVersion": "go1.25.5",\n  "compiler": "gc",\n  "platform": "linux/amd64"\n}';
    expect(console.run('kubectl exec client -- curl -sk https://kubernetes.default/version').stdout).toBe(build);
    expect(console.run('kubectl exec client -- curl -sk -H "User-Agent: kubectl/v1.35.0" https://10.96.0.1/version').stdout).toBe(build);
    expect(console.run('kubectl exec client -- curl -sk -o /dev/null -w "%{content_type} %{http_code}" https://kubernetes/version').stdout).toBe('application/json 200');
  });

  it("a bound token stops working when its Pod is gone", () => {
    const c = clusterWithClient();
    const token = c.run(`kubectl exec client -- cat ${sa}/token`).stdout;
    c.run('kubectl run other --image=curlimages/curl -- sleep 3600');
    c.run('kubectl wait --for=condition=Ready pod/other');
    const call = () => JSON.parse(c.run(`kubectl exec other -- curl -sk -H "Authorization: Bearer ${token}" https://kubernetes/api`).stdout);
    expect(call().kind).toBe('APIVersions');
    c.run('kubectl delete pod client --now');
    expect(call()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
  });
});
