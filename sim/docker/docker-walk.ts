/**
 * A TCP connection's first packet between Docker hosts, hop by hop, through each machine's nat
 * rules (evaluated by the same netfilter code as a Kubernetes node's), and its reply walking back
 * through conntrack's reverse rewrite. The hops have the shape of the cluster's traces
 * (sim/net/packet.ts), so one widget draws both.
 */
import { cidrContains } from '../net/ip';
import { evaluate, type EvalContext } from '../net/netfilter-eval';
import type { Hop, Packet } from '../net/packet';
import type { Rng } from '../core/rng';
import { dockerBridge, dockerBridgeCIDR, type DockerContainer, type DockerHost } from './docker-host';

export interface DockerWalk {
  outcome: 'established' | 'refused' | 'timeout';
  /** The request, from the client container to the server. */
  trace: Hop[];
  /** The reply, from the server back to the client, each rewrite undone by conntrack. */
  reply: Hop[];
  /** The packet as the server received it. */
  delivered?: Packet;
  server?: DockerContainer;
}

const endpoint = (ip: string, port: number) => `${ip}:${port}`;

/**
 * `curl http://DST:PORT` run in `client` (a container on `from`). A destination in 172.17.0.0/16
 * stays on the client's own bridge: the address of a container on another host is not reachable
 * as such (the same range is used on every host).
 */
export function dockerConnect(hosts: DockerHost[], from: DockerHost, client: DockerContainer, dst: string, dport: number, rng: Rng): DockerWalk {
  const trace: Hop[] = [];
  const undo: { host: DockerHost; before: Packet; after: Packet; rule?: string }[] = [];
  let p: Packet = { protocol: 'TCP', src: client.ip, sport: 32768 + rng.int(60999 - 32768 + 1), dst, dport };
  const hop = (h: Hop) => trace.push({ ...h, packet: { ...h.packet } });
  const onLink = cidrContains(dockerBridgeCIDR, dst);
  hop({ where: `container ${client.name} eth0`, node: from.name, packet: p, action: 'send', note: `${client.name} sends TCP ${endpoint(p.src, p.sport)} → ${endpoint(p.dst, p.dport)}; ${onLink ? `${dst} is on its own bridge's subnet` : `default route via ${from.gateway} (${dockerBridge})`}` });
  if (dst === client.ip) {
    hop({ where: `container ${client.name} lo`, node: from.name, packet: p, action: 'deliver', note: `${dst} is ${client.name}'s own address: the packet never leaves it; nothing listens on ${dport}: reset` });
    return { outcome: client.listening.has(`TCP/${dport}`) ? 'established' : 'refused', trace, reply: [] };
  }

  let host = from;
  let inIface = dockerBridge;
  for (let i = 0; i < 3; i++) {
    const ctx = context(host, inIface, rng);
    const pre = evaluate(host.nat, 'PREROUTING', p, ctx);
    if (pre.dnat) {
      const before = p;
      p = { ...p, dst: pre.dnat.ip, dport: pre.dnat.port };
      undo.push({ host, before, after: p, rule: pre.decisive?.text });
    }
    hop({ where: `${host.name} nat PREROUTING`, node: host.name, packet: p, action: pre.dnat ? 'DNAT' : 'ACCEPT', rule: pre.decisive?.text, note: pre.dnat ? `published port: destination becomes ${endpoint(p.dst, p.dport)}` : 'no rule rewrote the packet' });
    const out = cidrContains(dockerBridgeCIDR, p.dst) ? dockerBridge : 'eth0';
    const post = evaluate(host.nat, 'POSTROUTING', p, { ...context(host, inIface, rng), outIface: out });
    if (post.masquerade) {
      const before = p;
      // Docker's MASQUERADE has no --random-fully: the kernel keeps the source port when it is free.
      p = { ...p, src: host.ip };
      undo.push({ host, before, after: p, rule: post.decisive?.text });
    }
    hop({ where: `${host.name} nat POSTROUTING`, node: host.name, packet: p, action: post.masquerade ? 'MASQUERADE' : 'ACCEPT', rule: post.decisive?.text, note: post.masquerade ? `leaving by eth0: source becomes ${endpoint(p.src, p.sport)}` : 'source unchanged' });
    if (out === dockerBridge) {
      const server = host.container(p.dst);
      if (!server) {
        hop({ where: `${host.name} ${dockerBridge}`, node: host.name, packet: p, action: 'DROP', note: `no container has ${p.dst} on ${host.name}` });
        return { outcome: 'timeout', trace, reply: [] };
      }
      const listening = server.listening.has(`TCP/${p.dport}`);
      hop({ where: `container ${server.name} eth0`, node: host.name, packet: p, action: 'deliver', note: listening ? `${server.name} accepts the connection from ${endpoint(p.src, p.sport)}` : `nothing listens on ${p.dport} in ${server.name}: reset` });
      if (!listening) return { outcome: 'refused', trace, reply: [] };
      return { outcome: 'established', trace, reply: replyHops(p, server, host, undo), delivered: p, server };
    }
    const next = hosts.find((h) => h.ip === p.dst);
    if (!next) {
      hop({ where: 'network', packet: p, action: 'DROP', note: `no machine has ${p.dst}` });
      return { outcome: 'timeout', trace, reply: [] };
    }
    hop({ where: 'network', packet: p, action: 'route', note: `${host.ip} → ${next.ip} (${next.name}): the packet crosses the network unchanged` });
    host = next;
    inIface = 'eth0';
  }
  return { outcome: 'timeout', trace, reply: [] };
}

/** The reply: the server answers the address it saw; each host's conntrack undoes its rewrite, last first. */
function replyHops(delivered: Packet, server: DockerContainer, serverHost: DockerHost, undo: { host: DockerHost; before: Packet; after: Packet; rule?: string }[]): Hop[] {
  let p: Packet = { protocol: 'TCP', src: delivered.dst, sport: delivered.dport, dst: delivered.src, dport: delivered.sport };
  const hops: Hop[] = [{ where: `container ${server.name} eth0`, node: serverHost.name, packet: { ...p }, action: 'send', note: `${server.name} answers ${endpoint(p.dst, p.dport)}, the address it saw` }];
  for (const step of [...undo].reverse()) {
    const dnat = step.before.dst !== step.after.dst || step.before.dport !== step.after.dport;
    p = dnat ? { ...p, src: step.before.dst, sport: step.before.dport } : { ...p, dst: step.before.src, dport: step.before.sport };
    hops.push({
      where: `${step.host.name} conntrack`,
      node: step.host.name,
      packet: { ...p },
      action: 'conntrack',
      rule: step.rule,
      note: dnat ? `reply: source ${endpoint(step.after.dst, step.after.dport)} → ${endpoint(p.src, p.sport)} (the DNAT undone)` : `reply: destination ${endpoint(step.after.src, step.after.sport)} → ${endpoint(p.dst, p.dport)} (the MASQUERADE undone)`,
    });
  }
  hops.push({ where: 'client', packet: { ...p }, action: 'deliver', note: `the client receives the reply from ${endpoint(p.src, p.sport)}` });
  return hops;
}

function context(host: DockerHost, inIface: string, rng: Rng): EvalContext {
  return { mark: 0, ctstate: 'NEW', isLocal: (ip) => ip === host.ip || ip === host.gateway || cidrContains('127.0.0.0/8', ip), random: () => rng.next(), now: 0, recent: new Map(), inIface };
}
