import { describe, expect, it } from 'vitest';
import { keepSame } from '../../components/views/keep-same';

describe('keepSame', () => {
  it('hands back the previous view while an equal one comes, and a changed one at once', () => {
    const same = keepSame<{ pods: string[] }>();
    const first = same({ pods: ['a'] });
    expect(same({ pods: ['a'] })).toBe(first);
    const changed = { pods: ['a', 'b'] };
    expect(same(changed)).toBe(changed);
    expect(same({ pods: ['a'] })).not.toBe(first);
  });
});
