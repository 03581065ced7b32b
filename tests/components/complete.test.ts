import { describe, expect, it } from 'vitest';
import { Cluster } from '../../sim/cluster';
import { Console } from '../../sim/console/console';
import { commands, complete, kubectlVerbs } from '../../components/views/complete';

describe('Console tab completion', () => {
  const cluster = new Cluster();
  const console = new Console(cluster);
  console.run('kubectl create deployment web --image=nginx --replicas=2');
  console.run('sleep 5');

  it('offers exactly the kubectl subcommands the simulator runs, and the console commands it knows', () => {
    const simulated = console.run('kubectl port-forward x').stderr.split('the simulator runs: ')[1].trim().split(', ');
    expect(kubectlVerbs).toEqual(simulated);
    for (const command of commands) expect(console.run(command).stderr).not.toContain('command not found');
  });

  it('completes resource names of every kind the API serves, short names included', () => {
    expect(complete('kubectl get servicea', cluster).line).toBe('kubectl get serviceaccount');
    expect(complete('kubectl get s', cluster).candidates).toEqual(['sa', 'secret', 'secrets', 'service', 'serviceaccount', 'serviceaccounts', 'services', 'svc']);
    expect(complete('kubectl get ing', cluster).candidates).toEqual(['ing', 'ingress', 'ingressclass', 'ingressclasses', 'ingresses']);
  });

  it('completes object names of the kind typed, by any of its names, namespaced or not', () => {
    expect(complete('kubectl get sa d', cluster).line).toBe('kubectl get sa default ');
    expect(complete('kubectl describe deploy w', cluster).line).toBe('kubectl describe deploy web ');
    expect(complete('kubectl get no node-', cluster).candidates).toEqual([...cluster.nodes.keys()].sort());
    expect(complete('kubectl get ns kube-p', cluster).line).toBe('kubectl get ns kube-public ');
    expect(complete('kubectl logs web-', cluster).candidates).toHaveLength(2);
  });
});
