/**
 * Tab completion for the Console: the word under the cursor completed from what the console
 * knows (its commands, kubectl's verbs and resource kinds, `sim`'s verbs) and what the cluster
 * holds now (object names of the kind typed, node names after `ssh`). Plain: no DOM.
 */
import type { Cluster } from '../../sim/cluster';

const commands = ['kubectl', 'ssh', 'sim', 'sleep'];
const kubectlVerbs = ['get', 'describe', 'apply', 'delete', 'scale', 'label', 'annotate', 'exec', 'logs', 'wait', 'rollout', 'create', 'expose', 'run', 'set', 'cordon', 'uncordon', 'drain', 'version', 'cluster-info', 'api-resources'];
/** Resource names as kubectl accepts them, with the store kind they name. */
const kinds: Record<string, string> = {
  pods: 'Pod',
  services: 'Service',
  deployments: 'Deployment',
  replicasets: 'ReplicaSet',
  endpointslices: 'EndpointSlice',
  endpoints: 'Endpoints',
  nodes: 'Node',
  namespaces: 'Namespace',
  networkpolicies: 'NetworkPolicy',
  configmaps: 'ConfigMap',
  events: 'Event',
};
const aliases: Record<string, string> = { po: 'pods', pod: 'pods', svc: 'services', service: 'services', deploy: 'deployments', deployment: 'deployments', rs: 'replicasets', node: 'nodes', no: 'nodes', ns: 'namespaces', ep: 'endpoints' };
const simWords = ['stop', 'start', 'crash', 'help', 'node', 'kube-proxy', 'pod'];
const hostCommands = ['iptables-save', 'conntrack', 'ip'];
const podVerbs = new Set(['exec', 'logs']);

export interface Completion {
  /** The line with the word completed as far as all candidates agree. */
  line: string;
  /** Every candidate for the word, when more than one. */
  candidates: string[];
}

function commonPrefix(words: string[]): string {
  if (!words.length) return '';
  let prefix = words[0];
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

function namesOf(cluster: Cluster, kind: string, namespace: string): string[] {
  const clusterScoped = kind === 'Node' || kind === 'Namespace';
  return cluster.store.list(kind, clusterScoped ? undefined : namespace).map((o) => o.metadata.name);
}

/** Completes the last word of `line`. */
export function complete(line: string, cluster: Cluster, namespace = 'default'): Completion {
  const words = line.split(/\s+/);
  const word = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  let pool: string[] = [];
  if (before.length === 0) pool = commands;
  else if (before[0] === 'kubectl') {
    const rest = before.slice(1).filter((w) => !w.startsWith('-'));
    if (rest.length === 0) pool = kubectlVerbs;
    else if (podVerbs.has(rest[0]) && rest.length === 1) pool = namesOf(cluster, 'Pod', namespace);
    else if (rest.length === 1) pool = [...Object.keys(kinds), ...Object.keys(aliases)];
    else if (rest.length === 2) {
      const kind = kinds[aliases[rest[1]] ?? rest[1]];
      if (kind) pool = namesOf(cluster, kind, namespace);
    }
  } else if (before[0] === 'ssh') pool = before.length === 1 ? [...cluster.nodes.keys()] : before.length === 2 ? hostCommands : [];
  else if (before[0] === 'sim') pool = before.length === 3 ? [...cluster.nodes.keys(), ...namesOf(cluster, 'Pod', namespace)] : simWords;
  const candidates = [...new Set(pool.filter((c) => c.startsWith(word)))].sort();
  if (!candidates.length) return { line, candidates: [] };
  const completed = candidates.length === 1 ? `${candidates[0]} ` : commonPrefix(candidates);
  return { line: [...before, completed].join(' '), candidates: candidates.length > 1 ? candidates : [] };
}
