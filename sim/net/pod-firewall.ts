import type { Packet } from './packet';

/**
 * The CNI's policy hook at a Pod's interface. The data plane asks it about every new connection,
 * on the way out of the client Pod (egress) and on the way into the server Pod (ingress).
 * Implemented by NetworkPolicy enforcement; a CNI that does not enforce policies allows all.
 */
export interface PodFirewall {
  check(direction: 'ingress' | 'egress', podIP: string, packet: Packet): { verdict: 'ACCEPT' | 'DROP'; reason: string };
}

export const allowAll: PodFirewall = {
  check: () => ({ verdict: 'ACCEPT', reason: 'no NetworkPolicy enforcement' }),
};
