import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash16 } from '../../../sim/node/kube-proxy-hash';

/** Go's base32.StdEncoding of the first 10 bytes of node:crypto's SHA-256: the reference. */
function reference(input: string): string {
  const bits = BigInt(`0x${createHash('sha256').update(input, 'utf8').digest('hex').slice(0, 20)}`);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  for (let shift = 75n; shift >= 0n; shift -= 5n) out += alphabet[Number((bits >> shift) & 31n)];
  return out;
}

describe('the chain-name hash (first 16 base32 characters of SHA-256)', () => {
  it('matches SHA-256 on every length around the 64-byte block edges', () => {
    for (let n = 0; n <= 200; n++) expect(hash16('k'.repeat(n)), `length ${n}`).toBe(reference('k'.repeat(n)));
  });

  it('matches SHA-256 on any string, multi-byte characters included', () => {
    const anyText = fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 150 }).map((codePoints) => String.fromCodePoint(...codePoints));
    fc.assert(fc.property(anyText, (s) => hash16(s) === reference(s)), { numRuns: 300 });
  });
});
