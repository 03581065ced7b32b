import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash16 } from '../../../sim/node/kube-proxy-hash';

/** Go's base32.StdEncoding of the first 10 bytes of node:crypto's SHA-256: the reference. */
function reference(input: string): string {
  const bytes = createHash('sha256').update(input, 'utf8').digest().subarray(0, 10);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  return bits.match(/.{5}/g)!.map((five) => alphabet[parseInt(five, 2)]).join('');
}

describe('the chain-name hash (first 16 base32 characters of SHA-256)', () => {
  it('matches SHA-256 on every length around the 64-byte block edges', () => {
    for (let n = 0; n <= 200; n++) expect(hash16('k'.repeat(n)), `length ${n}`).toBe(reference('k'.repeat(n)));
  });

  it('matches SHA-256 on any string, multi-byte characters included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => hash16(s) === reference(s)), { numRuns: 500 });
  });
});
