import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nanosecondsHex } from '../../../sim/api/event-recorder';

describe("an Event name's time part (client-go's %x of UnixNano)", () => {
  it('is the exact nanosecond count in hex, as BigInt arithmetic gives it', () => {
    const reference = (ms: number, extra: number) => (BigInt(ms) * 1_000_000n + BigInt(extra)).toString(16);
    expect(nanosecondsHex(Date.UTC(2026, 0, 1), 0)).toBe(reference(Date.UTC(2026, 0, 1), 0));
    expect(nanosecondsHex(0, 5)).toBe('5');
    expect(nanosecondsHex(2 ** 24 - 1, 999_999)).toBe(reference(2 ** 24 - 1, 999_999));
    const ms = fc.integer({ min: 0, max: 2 ** 43 });
    const extra = fc.integer({ min: 0, max: 999_999 });
    fc.assert(fc.property(ms, extra, (m, e) => nanosecondsHex(m, e) === reference(m, e)), { numRuns: 2000 });
  });
});
