import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Pod } from '../api/types';
import { hostPortsOf } from '../api/host-ports';
import { rule, type Chain, type Match, type Rule, type Table } from '../net/netfilter';
import type { Protocol } from '../net/packet';
import type { NodeHost } from './node-host';

/**
 * The CNI portmap plugin, which the kubelet's CNI call chains after the network plugin: a Pod's
 * `hostPort`s become DNAT rules in the node's nat table, so that the node's address (and its public
 * address, which the cloud maps to it) answers on that port with the Pod. On ADD it writes a chain
 * per sandbox, CNI-DN-…, entered from CNI-HOSTPORT-DNAT (which PREROUTING and OUTPUT enter for
 * local destinations) and marks hairpin and localhost traffic for masquerade; on DEL it removes
 * the sandbox's chain. Source: containernetworking/plugins plugins/meta/portmap/portmap_iptables.go
 * (genToplevelDnatChain, genDnatChain, fillDnatRules, genSetMarkChain, genMarkMasqChain; SNAT on,
 * markMasqBit 13) and pkg/utils/iptables.go (MustFormatChainNameWithPrefix).
 */

export const topLevelDnatChain = 'CNI-HOSTPORT-DNAT';
const setMarkChain = 'CNI-HOSTPORT-SETMARK';
const markMasqChain = 'CNI-HOSTPORT-MASQ';
/** 1 << markMasqBit (13). */
const masqMark = 0x2000;

/** The network name in the CNI configuration the kubelet runs (calico's conflist, flannel's cbr0). */
export function cniNetworkName(cni: string): string {
  return cni === 'calico' ? 'k8s-pod-network' : cni === 'flannel' ? 'cbr0' : cni;
}

/**
 * The Pod sandbox's ID, which the runtime passes to CNI as the container ID: 64 hex digits. The
 * simulator derives it from the Pod's UID rather than drawing it, so that adding it drew nothing
 * from the seeded random source.
 */
export function sandboxId(uid: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(`sandbox/${uid}`)));
}

/** `CNI-DN-` and the start of sha512(network name + container ID), 28 characters in all. */
export function dnatChainName(network: string, containerId: string): string {
  return `CNI-DN-${bytesToHex(sha512(new TextEncoder().encode(network + containerId)))}`.slice(0, 28);
}

const comment = (text: string): Match => ({ m: 'comment', text });

/** CNI ADD: the Pod's host ports forward to its IP. Nothing is written for a Pod without host ports. */
export function forwardPorts(node: NodeHost, pod: Pod, podIP: string, podCIDR: string, network: string): void {
  const entries = hostPortsOf(pod);
  if (!entries.length) return;
  const id = sandboxId(pod.metadata.uid ?? '');
  const name = dnatChainName(network, id);
  const dnatComment = comment(`dnat name: "${network}" id: "${id}"`);
  const protocols = [...new Set(entries.map((e) => e.protocol.toLowerCase()))].sort();
  const entryRules = protocols.map((proto) => {
    const protocol = proto.toUpperCase() as Protocol;
    const dports = entries.filter((e) => e.protocol === protocol).map((e) => e.hostPort);
    return rule({ t: 'jump', chain: name }, { m: 'proto', protocol }, dnatComment, { m: 'multiport', dports });
  });
  const rules = entries.flatMap((e): Rule[] => {
    const protocol = e.protocol as Protocol;
    const base: Match[] = [{ m: 'proto', protocol }, { m: 'port', protocol, dport: e.hostPort }, ...(e.hostIP !== '0.0.0.0' ? [{ m: 'dst', cidr: `${e.hostIP}/32` } as Match] : [])];
    return [
      rule({ t: 'jump', chain: setMarkChain }, ...base, { m: 'src', cidr: podCIDR }),
      rule({ t: 'jump', chain: setMarkChain }, ...base, { m: 'src', cidr: '127.0.0.1/32' }),
      rule({ t: 'DNAT', to: `${podIP}:${e.containerPort}` }, ...base),
    ];
  });
  edit(node, (chains) => {
    ensureChain(chains, setMarkChain, [rule({ t: 'MARK', value: masqMark, mask: masqMark }, comment('CNI portfwd masquerade mark'))]);
    ensureChain(chains, markMasqChain, [rule({ t: 'MASQUERADE' }, { m: 'mark', value: masqMark, mask: masqMark })]);
    ensureJump(chains, 'POSTROUTING', rule({ t: 'jump', chain: markMasqChain }, comment('CNI portfwd requiring masquerade')), true);
    ensureChain(chains, topLevelDnatChain, []);
    for (const builtin of ['PREROUTING', 'OUTPUT']) {
      ensureJump(chains, builtin, rule({ t: 'jump', chain: topLevelDnatChain }, { m: 'addrtype', dir: 'dst', type: 'LOCAL' }), false);
    }
    chains.set(name, { name, rules });
    // The newest sandbox's entries go first, so that it wins a port a stale chain still names.
    const top = chains.get(topLevelDnatChain)!;
    chains.set(topLevelDnatChain, { ...top, rules: [...entryRules, ...top.rules.filter((r) => !(r.target.t === 'jump' && r.target.chain === name))] });
  });
}

/** CNI DEL: the sandbox's chain and the entries that jump to it go; the shared chains stay. */
export function unforwardPorts(node: NodeHost, uid: string, network: string): void {
  if (!node.netfilter.nat.chains.has(topLevelDnatChain)) return;
  const name = dnatChainName(network, sandboxId(uid));
  if (!node.netfilter.nat.chains.has(name)) return;
  edit(node, (chains) => {
    chains.delete(name);
    const top = chains.get(topLevelDnatChain);
    if (top) chains.set(topLevelDnatChain, { ...top, rules: top.rules.filter((r) => !(r.target.t === 'jump' && r.target.chain === name)) });
  });
}

/** Applies a change to a copy of the node's nat chains (iptables commits whole tables). */
function edit(node: NodeHost, change: (chains: Map<string, Chain>) => void): void {
  const nat = node.netfilter.nat;
  const chains = new Map(nat.chains);
  change(chains);
  node.netfilter.nat = { ...nat, chains } as Table;
}

function ensureChain(chains: Map<string, Chain>, name: string, rules: Rule[]): void {
  if (!chains.has(name)) chains.set(name, { name, rules });
}

/** Adds `jump` to a built-in chain once: first (prepended) or last. */
function ensureJump(chains: Map<string, Chain>, builtin: string, jump: Rule, prepend: boolean): void {
  const chain = chains.get(builtin)!;
  const target = jump.target.t === 'jump' ? jump.target.chain : '';
  if (chain.rules.some((r) => r.target.t === 'jump' && r.target.chain === target)) return;
  chains.set(builtin, { ...chain, rules: prepend ? [jump, ...chain.rules] : [...chain.rules, jump] });
}
