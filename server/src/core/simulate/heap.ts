// The event queue: a binary min-heap ordered by time, ties broken by insertion order (`seq`), so
// events at the same instant run in the order they were scheduled and runs are deterministic. Keys sit
// in typed arrays beside the items, so sifting compares numbers without touching the items. A pop sifts
// bottom-up (Floyd): the hole goes down the earlier children to a leaf, then the last item rises into it, one
// hard-to-predict comparison per level instead of two. Keys are unique, so any heap pops the same order.

export interface Timed {
  /** Simulated time, ms. */
  t: number;
  /** Insertion number, set by `push`. */
  seq: number;
}

export class EventHeap<T extends Timed> {
  private items: (T | undefined)[] = [];
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private n = 0;
  private counter = 0;

  get size(): number {
    return this.n;
  }

  /** The earliest event, without removing it. */
  peek(): T | undefined {
    return this.n > 0 ? this.items[0] : undefined;
  }

  /** The earliest event's time (Infinity when empty), from the keys: the item itself is not touched. */
  peekTime(): number {
    return this.n > 0 ? this.times[0] : Infinity;
  }

  push(e: T): void {
    const s = (e.seq = this.counter++);
    const t = e.t;
    if (this.n === this.times.length) this.grow();
    this.rise(this.n++, t, s, e);
  }

  /** Puts an item with key (t, s) at slot `i` or above: parents later than it move down until its place. */
  private rise(i: number, t: number, s: number, item: T): void {
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = times[p];
      if (tp < t || (tp === t && seqs[p] < s)) break;
      times[i] = tp;
      seqs[i] = seqs[p];
      items[i] = items[p];
      i = p;
    }
    times[i] = t;
    seqs[i] = s;
    items[i] = item;
  }

  pop(): T | undefined {
    if (this.n === 0) return undefined;
    const items = this.items;
    const top = items[0];
    const n = --this.n;
    if (n > 0) {
      const times = this.times;
      const seqs = this.seqs;
      const last = items[n]!;
      const t = times[n];
      const s = seqs[n];
      // The hole at the root goes down to a leaf along the earlier children (one comparison per level)...
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        const r = c + 1;
        if (r < n && (times[r] < times[c] || (times[r] === times[c] && seqs[r] < seqs[c]))) c = r;
        times[i] = times[c];
        seqs[i] = seqs[c];
        items[i] = items[c];
        i = c;
      }
      // ...then the last item rises from there to its place (usually a step or none: it came from the bottom).
      this.rise(i, t, s, last);
    }
    items[n] = undefined;
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    const seqs = new Float64Array(this.seqs.length * 2);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
  }

  /** Checks the heap property (for tests): every parent precedes its children, and keys match items. */
  valid(): boolean {
    for (let i = 0; i < this.n; i++) {
      const e = this.items[i]!;
      if (e.t !== this.times[i] || e.seq !== this.seqs[i]) return false;
      if (i === 0) continue;
      const p = (i - 1) >> 1;
      if (this.times[i] < this.times[p] || (this.times[i] === this.times[p] && this.seqs[i] < this.seqs[p]))
        return false;
    }
    return true;
  }
}
