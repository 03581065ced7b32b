/**
 * Where the world map draws things, in pixels: the internet band at the top (its hosts side by
 * side), the cloud's edge below it (internet gateway, NAT gateway, load balancers: as many side by
 * side as fit, in rows), and the nodes' network (the VPC, or the LAN on
 * bare metal) framing the cluster's own map (map-layout.ts), shifted down and in. Room is kept for
 * `loadBalancers` load balancers from the start, so the map does not jump when one appears.
 */
import type { Box, MapLayout } from './map-layout';
import { mapLayout } from './map-layout';
import type { ClusterView } from './cluster';
import type { WorldView } from './world';

export interface WorldLayout extends MapLayout {
  /** The internet band. */
  internet: Box;
  /** The cloud's edge row (absent on bare metal). */
  edge?: Box;
  /** The VPC or LAN frame around the cluster. */
  network: Box;
  /** Every world element by the name traces give it: `laptop`, `echo`, `internet`, `igw`, `nat-gw`, a load balancer's name. */
  elements: Map<string, Box>;
  /** Room kept for load balancers that do not exist (yet). */
  emptySlots: Box[];
}

const pad = 8;
const hostH = 44;
const bandHead = 22;
const gap = 22;
const gatewayH = 50;
const lbHead = 84;
const targetH = 16;
const inset = 6;
const frameHead = 40;
/** The narrowest host box that holds a host's name, address and role. */
const minHostW = 250;
/** The narrowest a gateway's box may be and still hold its words ("public IP ↔ private IP, one to one"). */
const minGatewayW = 230;
/** The narrowest a load balancer's box may be and still hold its words. */
const minLoadBalancerW = 230;

/** Pixels the nodes' boxes grow to show a public IP line. */
export const publicIPLine = 15;

function shift(b: Box, dx: number, dy: number): Box {
  return { x: b.x + dx, y: b.y + dy, w: b.w, h: b.h };
}

export function worldLayout(view: Pick<ClusterView, 'nodes' | 'services'>, world: WorldView, width: number, capacity: number, loadBalancers = 0): WorldLayout {
  const elements = new Map<string, Box>();
  const emptySlots: Box[] = [];
  const inner = width - 2 * pad;
  // The internet: the laptop (unless it sits on the LAN) and the servers, side by side.
  const hosts = [...(world.laptopOnLan ? [] : [world.laptop]), ...world.internet];
  // Side by side when each has room for its words, else one above the other.
  const sideW = (inner - 2 * pad - (hosts.length - 1) * pad) / Math.max(1, hosts.length);
  const side = sideW >= minHostW;
  const rows = side ? 1 : hosts.length;
  const internet: Box = { x: pad, y: pad, w: inner, h: bandHead + rows * (hostH + pad) };
  elements.set('internet', internet);
  const hostW = side ? sideW : inner - 2 * pad;
  hosts.forEach((h, i) => elements.set(h.name, side ? { x: pad * 2 + i * (hostW + pad), y: internet.y + bandHead, w: hostW, h: hostH } : { x: pad * 2, y: internet.y + bandHead + i * (hostH + pad), w: hostW, h: hostH }));
  let y = internet.y + internet.h + gap;

  // The cloud's edge: the internet gateway, the NAT gateway, then the load balancers.
  let edge: Box | undefined;
  if (world.cloud) {
    const targets = Math.max(1, view.nodes.length);
    const lbH = lbHead + targets * targetH + pad;
    const items: { name: string; h: number; min: number; grow: number }[] = [];
    if (world.gateway) items.push({ name: world.gateway, h: gatewayH, min: minGatewayW, grow: 1 });
    if (world.nat) items.push({ name: world.nat.name, h: gatewayH, min: minGatewayW, grow: 1 });
    const slots = Math.max(loadBalancers, world.loadBalancers.length);
    for (let i = 0; i < slots; i++) items.push({ name: world.loadBalancers[i]?.name ?? `\0slot${i}`, h: lbH, min: minLoadBalancerW, grow: 2 });
    // Left to right, a new row when the next box would not get its narrowest width; each row's
    // spare width is shared out by `grow`.
    const rows: (typeof items)[] = [];
    for (const it of items) {
      const row = rows.at(-1);
      if (row && row.reduce((w, r) => w + r.min + pad, 0) + Math.min(it.min, inner) <= inner) row.push(it);
      else rows.push([it]);
    }
    const top = y;
    for (const row of rows) {
      const spare = Math.max(0, inner - row.reduce((w, r) => w + r.min, 0) - (row.length - 1) * pad);
      const grow = row.reduce((n, r) => n + r.grow, 0);
      const h = Math.max(...row.map((r) => r.h));
      let x = pad;
      for (const it of row) {
        const w = Math.min(inner, it.min + (spare * it.grow) / grow);
        elements.set(it.name, { x, y, w, h: it.name.startsWith('\0') ? h : it.h });
        x += w + pad;
      }
      y += h + pad;
    }
    edge = { x: pad, y: top, w: inner, h: Math.max(0, y - top - pad) };
    for (const [key, box] of [...elements]) {
      if (!key.startsWith('\0')) continue;
      elements.delete(key);
      emptySlots.push(box);
    }
    y = edge.y + edge.h + gap;
  }

  // The nodes' network, framing the cluster's map; on bare metal the laptop sits on it too.
  const frameTop = y;
  let clusterTop = frameTop + frameHead;
  if (world.laptopOnLan) {
    elements.set(world.laptop.name, { x: pad + inset + pad, y: clusterTop, w: Math.min(inner - 2 * inset - 2 * pad, 320), h: hostH });
    clusterTop += hostH + pad;
  }
  const publicLine = Object.keys(world.publicIPs).length ? publicIPLine : 0;
  const cluster = mapLayout(view, width - 2 * inset, capacity, publicLine);
  const dy = clusterTop;
  const network: Box = { x: pad / 2, y: frameTop, w: width - pad, h: clusterTop - frameTop + cluster.height };
  return {
    width,
    height: network.y + network.h + pad,
    services: shift(cluster.services, inset, dy),
    nodes: new Map([...cluster.nodes].map(([k, b]) => [k, shift(b, inset, dy)])),
    pods: new Map([...cluster.pods].map(([k, b]) => [k, shift(b, inset, dy)])),
    wireY: cluster.wireY + dy,
    internet,
    edge,
    network,
    elements,
    emptySlots,
  };
}
