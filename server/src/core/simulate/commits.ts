// The engine's own record of recent commits per key (origin, number, commit time): what a replica
// serving a bounded-staleness read must already include. Replicas are taken to know their lag exactly
// (as if from replication heartbeats). Bounded: the last 32 commits per key.
import { zeros, type VV } from './state';

const SIZE = 32;

export class CommitLog {
  private origin: Int32Array;
  private idx: Int32Array;
  private t: Float64Array;
  private head: Int32Array;
  private fill: Int32Array;

  constructor(
    keys: number,
    private origins: number,
  ) {
    this.origin = new Int32Array(keys * SIZE);
    this.idx = new Int32Array(keys * SIZE);
    this.t = new Float64Array(keys * SIZE);
    this.head = new Int32Array(keys);
    this.fill = new Int32Array(keys);
  }

  push(key: number, origin: number, idx: number, t: number): void {
    const i = key * SIZE + this.head[key];
    this.head[key] = (this.head[key] + 1) % SIZE;
    if (this.fill[key] < SIZE) this.fill[key]++;
    this.origin[i] = origin;
    this.idx[i] = idx;
    this.t[i] = t;
  }

  /**
   * What a read of `key` at time `now` must include to be within the bound: every write committed
   * more than `ms` ago, and all but the newest `versions` commits. Undefined when nothing is required.
   */
  need(key: number, now: number, ms: number | undefined, versions: number | undefined): VV | undefined {
    let out: VV | undefined;
    const fill = this.fill[key];
    for (let j = 0; j < fill; j++) {
      // j-th newest commit
      const pos = (this.head[key] - 1 - j + 2 * SIZE) % SIZE;
      const i = key * SIZE + pos;
      const old = (ms !== undefined && this.t[i] <= now - ms) || (versions !== undefined && j >= versions);
      if (!old) continue;
      out ??= zeros(this.origins);
      if (this.idx[i] > out[this.origin[i]]) out[this.origin[i]] = this.idx[i];
    }
    return out;
  }
}
