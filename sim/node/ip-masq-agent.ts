/**
 * ip-masq-agent (kubernetes-sigs/ip-masq-agent), as managed clusters on a cloud run it on every
 * node: a Pod's packet to an address outside `nonMasqueradeCIDRs` leaves with the node's address
 * (MASQUERADE), so that the VPC and the internet can answer it; traffic to Pods and to the VPC
 * keeps the Pod's address. Here nonMasqueradeCIDRs are the cluster's Pod CIDR and the VPC (as a
 * provider configures the agent's ConfigMap); link-local 169.254.0.0/16 is never masqueraded
 * (masqLinkLocal false). It re-applies its rules every resync period (60 s), and at start when
 * the machine boots again. Source: ip-masq-agent cmd/ip-masq-agent/ip-masq-agent.go
 * (syncMasqRules, ensurePostroutingJump: the rules and their comments).
 */
import type { ConfiguredContext } from '../cluster-config';
import { rule, type Match, type Table } from '../net/netfilter';
import type { NodeHost } from './node-host';
import { containerStartMs, sandboxCreationMs } from './kubelet';

/** --resync-interval default (ip-masq-agent). */
export const masqResyncMs = 60_000;
export const masqChain = 'IP-MASQ-AGENT';

const comment = (text: string): Match => ({ m: 'comment', text });

export class IpMasqAgent {
  readonly name = 'ip-masq-agent';

  constructor(
    private readonly cluster: ConfiguredContext,
    private readonly node: NodeHost,
  ) {
    const tick = () => {
      if (this.node.running) this.sync();
      cluster.clock.schedule(masqResyncMs, tick);
    };
    cluster.clock.schedule(0, tick);
    // Its DaemonSet Pod starts again with the machine, and writes its rules at start.
    node.bootHooks.push(() => cluster.clock.schedule(sandboxCreationMs + containerStartMs, () => this.node.running && this.sync()));
  }

  /** Writes the IP-MASQ-AGENT chain and makes sure POSTROUTING jumps to it (appended, once). */
  sync(): void {
    const nat = this.node.netfilter.nat;
    const cidrs = ['169.254.0.0/16', this.cluster.config.clusterCIDR, this.cluster.config.vpcCIDR];
    const rules = [
      ...cidrs.map((cidr) => rule({ t: 'RETURN' }, comment('ip-masq-agent: local traffic is not subject to MASQUERADE'), { m: 'dst', cidr })),
      rule({ t: 'MASQUERADE' }, comment('ip-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)')),
    ];
    const jump = rule(
      { t: 'jump', chain: masqChain },
      comment(`ip-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom ${masqChain} chain`),
      { m: 'addrtype', dir: 'dst', type: 'LOCAL', invert: true },
    );
    const postrouting = nat.chains.get('POSTROUTING')!;
    const hasJump = postrouting.rules.some((r) => r.target.t === 'jump' && r.target.chain === masqChain);
    const chains = new Map(nat.chains);
    chains.set(masqChain, { name: masqChain, rules });
    if (!hasJump) chains.set('POSTROUTING', { ...postrouting, rules: [...postrouting.rules, jump] });
    this.node.netfilter.nat = { ...nat, chains } as Table;
  }
}
