/** What `save` returns: a stream's state and those of the streams forked from it. */
export interface RngState {
  state: number;
  streams: Map<string, RngState>;
}

/**
 * The cluster's seeded random source (mulberry32), so a seed replays a run. Each kind of choice
 * draws from its own stream (`stream('names')`, `stream('service-ips')`, …): a change in how many
 * draws one kind makes (an extra Event's uid, one more curl through kube-proxy's statistic match)
 * leaves every other kind's sequence, such as the Pod name suffixes a chapter quotes, as it was.
 */
export class Rng {
  private state: number;
  private readonly seed: number;
  private readonly streams = new Map<string, Rng>();

  constructor(seed = 1) {
    this.seed = seed >>> 0;
    this.state = this.seed;
  }

  /** The independent stream for one purpose, seeded from this one's seed and the purpose's name. */
  stream(purpose: string): Rng {
    let s = this.streams.get(purpose);
    if (!s) {
      // FNV-1a over the purpose, starting from the seed.
      this.streams.set(purpose, (s = new Rng(seedFrom(purpose, (0x811c9dc5 ^ this.seed) >>> 0))));
    }
    return s;
  }

  /** The state to come back to with `restore`: a dry run draws and then takes its draws back. */
  save(): RngState {
    return { state: this.state, streams: new Map([...this.streams].map(([k, s]) => [k, s.save()])) };
  }

  restore(saved: RngState): void {
    this.state = saved.state;
    for (const [k, s] of this.streams) {
      const was = saved.streams.get(k);
      if (was) s.restore(was);
      else this.streams.delete(k); // first drawn after the save: back to its start
    }
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

/**
 * A seed computed from a text (FNV-1a, from `basis`), for a random stream of its own: what a
 * client such as kubectl draws (its name suffixes) never takes a number from the cluster's streams.
 */
export function seedFrom(text: string, basis = 0x811c9dc5): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
