import type { ConfiguredContext } from '../cluster-config';
import type { NodeNetwork } from './node-network';
import { Controller } from '../core/controller';
import { deepEqual, type WatchEvent } from '../core/store';
import type { Namespace, NetworkPolicy, Pod } from '../api/types';
import { compileNetworkPolicies } from './network-policy-compiler';
import type { CompiledPolicies } from './network-policy-rules';
import { NetworkPolicyFirewall } from './network-policy-firewall';
import { bridgeAddress } from './routing';

/** The one key this controller queues: any change may move any Pod in or out of any set. */
const clusterKey = 'networkpolicies';

/**
 * The CNI's policy controller (Calico's calculation graph, Cilium's policy repository): watches
 * Pods, Namespaces and NetworkPolicies, compiles them into IP and port sets, and loads into each
 * node's firewall the rules of the Pods that run there.
 *
 * Installed only when the cluster's CNI enforces NetworkPolicy. With one that does not (flannel),
 * the objects are stored and nothing reads them: every Pod accepts everything.
 */
export class NetworkPolicyController extends Controller {
  /** The CNI's name (`calico`): its agents are the ones that load the rules on each node. */
  readonly name: string;
  /** The last compilation, for the whole cluster, by Pod IP (what the widgets show). */
  compiled: CompiledPolicies = {};
  private firewalls = new Map<string, NetworkPolicyFirewall>();

  constructor(cluster: ConfiguredContext, nodes: Iterable<NodeNetwork>) {
    super(cluster);
    this.name = cluster.config.cni.name;
    for (const node of nodes) {
      // Hairpin traffic reaches a Pod masqueraded to the bridge's address: node traffic too.
      const firewall = new NetworkPolicyFirewall(node.ip, bridgeAddress(node.config));
      node.podFirewall = firewall;
      this.firewalls.set(node.name, firewall);
    }
    cluster.store.watch<Pod>('Pod', (e) => {
      if (podChanged(e)) this.enqueue(clusterKey);
    });
    cluster.store.watch<Namespace>('Namespace', (e) => {
      if (e.type !== 'MODIFIED' || !deepEqual(e.old?.metadata.labels, e.object.metadata.labels)) this.enqueue(clusterKey);
    });
    cluster.store.watch<NetworkPolicy>('NetworkPolicy', () => this.enqueue(clusterKey));
  }

  protected reconcile(): void {
    const { store } = this.cluster;
    const policies = store.list<NetworkPolicy>('NetworkPolicy');
    // No policy isolates anything: then the Pods need not be read (any Pod write queues this).
    const pods = policies.length ? store.list<Pod>('Pod') : [];
    this.compiled = compileNetworkPolicies({ pods, namespaces: store.list<Namespace>('Namespace'), policies });
    // The nodes of the Pods that have rules: with no NetworkPolicy, none.
    const nodeOf = new Map<string, string | undefined>();
    for (const p of pods) if (p.status?.podIP && p.status.podIP in this.compiled) nodeOf.set(p.status.podIP, p.spec.nodeName);
    for (const [nodeName, firewall] of this.firewalls) {
      const local: CompiledPolicies = {};
      for (const [ip, rules] of Object.entries(this.compiled)) if (nodeOf.get(ip) === nodeName) local[ip] = rules;
      if (deepEqual(local, firewall.rules)) continue;
      firewall.load(local);
      const count = (dir: 'ingress' | 'egress') => Object.values(local).filter((r) => r[dir]).length;
      this.log(nodeName, `loaded NetworkPolicy rules: ${count('ingress')} local Pod(s) isolated for ingress, ${count('egress')} for egress`);
    }
  }
}

/** Only what policies read wakes the controller: labels, the IP, the node, the ports, the phase. */
function podChanged(e: WatchEvent<Pod>): boolean {
  if (e.type !== 'MODIFIED' || !e.old) return true;
  const [a, b] = [e.old, e.object];
  const ports = (p: Pod) => p.spec.containers.map((c) => c.ports);
  return (
    a.status?.podIP !== b.status?.podIP ||
    a.status?.phase !== b.status?.phase ||
    a.spec.nodeName !== b.spec.nodeName ||
    !deepEqual(a.metadata.labels, b.metadata.labels) ||
    // A status write passes the stored containers back: the same array, the same ports.
    (a.spec.containers !== b.spec.containers && !deepEqual(ports(a), ports(b)))
  );
}
