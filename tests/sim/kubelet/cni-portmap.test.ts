import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dnatChainName, sandboxId } from '../../../sim/node/cni-portmap';

describe('the CNI portmap plugin', () => {
  it('names a sandbox chain CNI-DN- and sha512(network + container ID), 28 characters in all', () => {
    const id = sandboxId('0b1c2d3e-uid');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    const expected = `CNI-DN-${createHash('sha512').update(`k8s-pod-network${id}`).digest('hex')}`.slice(0, 28);
    expect(dnatChainName('k8s-pod-network', id)).toBe(expected);
    expect(expected).toHaveLength(28);
  });
});
