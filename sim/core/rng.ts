/**
 * The cluster's one seeded random source (mulberry32). Every random choice the engine makes (name
 * suffixes, kube-proxy's statistic match, spreading ties) draws from it, so a seed replays a run.
 */
export class Rng {
  private state: number;

  constructor(seed = 1) {
    this.state = seed >>> 0;
  }

  /** The state to come back to with `restore`: a dry run draws and then takes its draws back. */
  save(): number {
    return this.state;
  }

  restore(state: number): void {
    this.state = state;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** 32 random bits as an unsigned integer. */
  uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /**
   * A string like the suffixes Kubernetes generates: apimachinery's rand.String draws from
   * "bcdfghjklmnpqrstvwxz2456789" (no vowels, no confusable characters).
   * Source: k8s.io/apimachinery/pkg/util/rand/rand.go
   */
  suffix(length: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
}
