import type { NodeConfig } from '../cluster-config';
import { HostLocalIpam } from './ipam';

/**
 * One machine of the cluster and the agents that run on it. The API's Node object is what the
 * control plane believes; this is the machine itself, which can be stopped and started.
 */
export class NodeHost {
  readonly name: string;
  readonly ip: string;
  readonly podCIDR: string;
  readonly ipam: HostLocalIpam;
  /** False while the machine is stopped (`sim stop node NAME`): no agent runs, no packet passes. */
  running = true;

  constructor(readonly config: NodeConfig) {
    this.name = config.name;
    this.ip = config.ip;
    this.podCIDR = config.podCIDR;
    this.ipam = new HostLocalIpam(config.podCIDR);
  }
}
