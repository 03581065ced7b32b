/**
 * Where ClusterMap draws things, in pixels, for a given width: a dashed band for the Services'
 * virtual IPs above every node (they belong to no node), the nodes side by side when there is room
 * (one above the other on a phone), each Pod in a slot of its node. Room is made for `capacity`
 * Pods from the start, so the map keeps its height as Pods come and go.
 */
import { scaleBand } from 'd3';
import type { ClusterView } from './cluster';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface MapLayout {
  width: number;
  height: number;
  services: Box;
  nodes: Map<string, Box>;
  /** Pods by `namespace/name`. */
  pods: Map<string, Box>;
  /** The line the nodes' traffic crosses between them (the VPC), y coordinate. */
  wireY: number;
}

const pad = 8;
const podH = 58;
const podGap = 6;
const baseNodeHead = 62;
/** The narrowest node box that holds a Pod's name, IP and status words. */
const minNodeW = 180;
const serviceH = 62;
const wireH = 26;

/** Pod columns per node: two when a node is wide enough. */
function podColumns(nodeW: number): number {
  return nodeW >= 2 * minNodeW + 20 ? 2 : 1;
}

/** `extraHead`: pixels more in each node's head, for lines the world map adds (a node's public IP). */
export function mapLayout(view: Pick<ClusterView, 'nodes' | 'services'>, width: number, capacity: number, extraHead = 0): MapLayout {
  const nodeHead = baseNodeHead + extraHead;
  const nodeNames = view.nodes.map((n) => n.name);
  const count = Math.max(1, nodeNames.length);
  const side = (width - 2 * pad) / count >= minNodeW;
  const perNode = Math.max(1, Math.ceil(capacity / count), ...view.nodes.map((n) => n.pods.length));
  const services = { x: pad, y: pad, w: width - 2 * pad, h: view.services.length ? serviceH * Math.max(1, view.services.length) : 0 };
  const top = services.y + services.h + (services.h ? wireH : 0);
  const nodes = new Map<string, Box>();
  const pods = new Map<string, Box>();
  let height: number;
  if (side) {
    const band = scaleBand<string>().domain(nodeNames).range([pad, width - pad]).paddingInner(0.04);
    const nodeW = band.bandwidth();
    const cols = podColumns(nodeW);
    const nodeH = nodeHead + Math.ceil(perNode / cols) * (podH + podGap) + pad;
    for (const n of view.nodes) nodes.set(n.name, { x: band(n.name)!, y: top, w: nodeW, h: nodeH });
    height = top + nodeH + wireH + pad;
  } else {
    const nodeW = width - 2 * pad;
    const cols = podColumns(nodeW);
    const nodeH = nodeHead + Math.ceil(perNode / cols) * (podH + podGap) + pad;
    view.nodes.forEach((n, i) => nodes.set(n.name, { x: pad, y: top + i * (nodeH + wireH), w: nodeW, h: nodeH }));
    height = top + count * (nodeH + wireH) + pad;
  }
  for (const n of view.nodes) {
    const box = nodes.get(n.name)!;
    const cols = podColumns(box.w);
    const w = (box.w - 2 * pad - (cols - 1) * podGap) / cols;
    n.pods.forEach((p, i) => {
      pods.set(p.key, { x: box.x + pad + (i % cols) * (w + podGap), y: box.y + nodeHead + Math.floor(i / cols) * (podH + podGap), w, h: podH });
    });
  }
  return { width, height, services, nodes, pods, wireY: side ? top + [...nodes.values()][0]?.h + wireH / 2 : top - wireH / 2 };
}
