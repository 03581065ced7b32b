/**
 * Tab completion for the Console: the word under the cursor completed from what the console
 * knows (its commands, kubectl's verbs and resource kinds, `sim`'s verbs) and what the cluster
 * holds now (object names of the kind typed, node names after `ssh`). Plain: no DOM.
 */
import type { Cluster } from '../../sim/cluster';
import { kinds, resolveResource } from '../../sim/core/kinds';

/** The console's own commands (sim/console/console.ts dispatch). */
export const commands = ['cloud', 'curl', 'kubectl', 'sim', 'sleep', 'ssh'];
/** The kubectl subcommands the simulator runs (sim/console/kubectl/index.ts), kept here so the panel needs none of the engine to complete. */
export const kubectlVerbs = ['annotate', 'api-resources', 'apply', 'cluster-info', 'cordon', 'create', 'debug', 'delete', 'describe', 'drain', 'exec', 'expose', 'get', 'label', 'logs', 'patch', 'rollout', 'run', 'scale', 'set', 'uncordon', 'version', 'wait'];
/** Every name kubectl accepts for a resource type the API serves: plural, singular, short names. */
const resourceWords = kinds.flatMap((k) => [k.plural, k.kind.toLowerCase(), ...k.shortNames]);
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
  const namespaced = kinds.find((k) => k.kind === kind)?.namespaced ?? true;
  return cluster.store.list(kind, namespaced ? namespace : undefined).map((o) => o.metadata.name);
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
    else if (rest.length === 1) pool = resourceWords;
    else if (rest.length === 2) {
      const info = resolveResource(rest[1]);
      if (info) pool = namesOf(cluster, info.kind, namespace);
    }
  } else if (before[0] === 'ssh') pool = before.length === 1 ? [...cluster.nodes.keys()] : before.length === 2 ? hostCommands : [];
  else if (before[0] === 'sim') pool = before.length === 3 ? [...cluster.nodes.keys(), ...namesOf(cluster, 'Pod', namespace)] : simWords;
  const candidates = [...new Set(pool.filter((c) => c.startsWith(word)))].sort();
  if (!candidates.length) return { line, candidates: [] };
  const completed = candidates.length === 1 ? `${candidates[0]} ` : commonPrefix(candidates);
  return { line: [...before, completed].join(' '), candidates: candidates.length > 1 ? candidates : [] };
}
