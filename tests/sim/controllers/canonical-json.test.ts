import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../../../sim/controllers/pod-template-hash';

/** The definition: JSON.stringify of a copy whose objects have their keys sorted. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortedCopy((value as Record<string, unknown>)[key]);
  return out;
}

describe('canonicalJson', () => {
  it('prints what JSON.stringify prints for the value with sorted keys', () => {
    const values = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 5 }),
      ),
    }));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), values.value, { maxKeys: 6 }), (obj) => {
        expect(canonicalJson(obj)).toBe(JSON.stringify(sortedCopy(obj)));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('sorts keys by UTF-16 code units, integer keys first as JavaScript lists them, and escapes as JSON does', () => {
    expect(canonicalJson({ b: 1, B: [undefined, 'x"y'], a: { d: undefined, c: '\n' } })).toBe('{"B":[null,"x\\"y"],"a":{"c":"\\n"},"b":1}');
    expect(canonicalJson({ a: 1, '10': 2, '': 3, '9': 4, '01': 5 })).toBe('{"9":4,"10":2,"":3,"01":5,"a":1}');
  });
});
