import type { Cluster } from '../cluster';
import type { ExecResult } from '../node/programs';

/**
 * The simulator's own commands, kept under the `sim` prefix so they never look like a real tool:
 * they make happen what happens to a real cluster by accident or by itself.
 */
export const simHelp = `Simulator commands (what happens to a real cluster by accident, not through its API):
  sim stop node NODE          switch a machine off: its kubelet stops, its Pods' containers are gone
  sim start node NODE         switch it on again: the kubelet registers and restarts its Pods
  sim stop kube-proxy NODE    stop kube-proxy on a node: its iptables rules stop updating
  sim start kube-proxy NODE   start it again: it resyncs the rules from the API
  sim crash pod POD [-c CONTAINER] [-n NAMESPACE]
                              make a container's process exit with code 1
  sim help                    this help
`;

export function simCommand(cluster: Cluster, args: string[]): ExecResult {
  const [verb, what, ...rest] = args;
  const usage = (): ExecResult => ({ stdout: '', stderr: `sim: unknown command "${args.join(' ')}"\n\n${simHelp}`, exitCode: 2 });
  if (verb === 'help' || verb === undefined) return { stdout: simHelp, stderr: '', exitCode: 0 };
  try {
    if ((verb === 'stop' || verb === 'start') && (what === 'node' || what === 'kube-proxy')) {
      if (rest.length !== 1) return usage();
      const [name] = rest;
      if (what === 'node') {
        if (verb === 'stop') cluster.stopNode(name);
        else cluster.startNode(name);
      } else if (verb === 'stop') cluster.stopKubeProxy(name);
      else cluster.startKubeProxy(name);
      return { stdout: `${what} ${name} ${verb === 'stop' ? 'stopped' : 'started'}\n`, stderr: '', exitCode: 0 };
    }
    if (verb === 'crash' && (what === 'pod' || what === 'po')) {
      let namespace = 'default';
      let container: string | undefined;
      const names: string[] = [];
      for (let i = 0; i < rest.length; i++) {
        if (rest[i] === '-c' || rest[i] === '--container') container = rest[++i];
        else if (rest[i] === '-n' || rest[i] === '--namespace') namespace = rest[++i];
        else names.push(rest[i]);
      }
      if (names.length !== 1 || !names[0]) return usage();
      const pod = names[0].replace(/^pods?\//, '');
      cluster.crashContainer(namespace, pod, container);
      return { stdout: `pod ${pod}: container ${container ?? '(first)'} exited with code 1\n`, stderr: '', exitCode: 0 };
    }
  } catch (e) {
    return { stdout: '', stderr: `sim: ${String(e).replace(/^Error: /, '')}\n`, exitCode: 1 };
  }
  return usage();
}
