// A binary min-heap of events (the engine queues them in calendar.ts, in the same order), ordered by time, ties broken
// by insertion order (`seq`), so events at the same instant run in the order they were scheduled and runs are
// deterministic. Times sit in a typed array beside the items, so sifting compares numbers without touching the items;
// the items' `seq` is read only when two times are equal (rare: zero-delay events). A pop sifts bottom-up (Floyd): the
// hole goes down the earlier children to a leaf, then the last item rises into it. Which child is earlier is data the
// processor cannot predict, so it is taken as a number (`Number(b < a)`, no branch) except on equal times; slots past
// the end hold +Infinity, so a missing right child is never the earlier one. Keys are unique, so any heap pops the same
// order.

export interface Timed {
  /** Simulated time, ms. */
  t: number;
  /** Insertion number, set by `push`. */
  seq: number;
}

export class EventHeap<T extends Timed> {
  private items: (T | undefined)[] = [];
  /** Times of the items, +Infinity past the last one. */
  private times = new Float64Array(1024).fill(Infinity);
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
    e.seq = this.counter++;
    if (this.n + 1 >= this.times.length) this.grow(); // (a slot past the last stays +Infinity)
    this.rise(this.n++, e.t, e);
  }

  /** Puts `item` (time t) at slot `i` or above: parents later than it move down until its place. */
  private rise(i: number, t: number, item: T): void {
    const times = this.times;
    const items = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = times[p];
      if (tp < t || (tp === t && items[p]!.seq < item.seq)) break;
      times[i] = tp;
      items[i] = items[p];
      i = p;
    }
    times[i] = t;
    items[i] = item;
  }

  pop(): T | undefined {
    if (this.n === 0) return undefined;
    const items = this.items;
    const times = this.times;
    const top = items[0];
    const n = --this.n;
    const last = items[n]!;
    const t = times[n];
    times[n] = Infinity;
    items[n] = undefined;
    if (n > 0) {
      // The hole at the root goes down to a leaf along the earlier children (one comparison per level)...
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        const tl = times[c];
        const tr = times[c + 1];
        if (tl !== tr) c += Number(tr < tl);
        else if (c + 1 < n && items[c + 1]!.seq < items[c]!.seq) c++;
        times[i] = times[c];
        items[i] = items[c];
        i = c;
      }
      // ...then the last item rises from there to its place (usually a step or none: it came from the bottom).
      this.rise(i, t, last);
    }
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2).fill(Infinity);
    times.set(this.times);
    this.times = times;
  }

  /** Checks the heap property (for tests): every parent precedes its children, and keys match items. */
  valid(): boolean {
    for (let i = 0; i < this.n; i++) {
      const e = this.items[i]!;
      if (e.t !== this.times[i]) return false;
      if (i === 0) continue;
      const p = this.items[(i - 1) >> 1]!;
      if (e.t < p.t || (e.t === p.t && e.seq < p.seq)) return false;
    }
    for (let i = this.n; i < this.times.length; i++) if (this.times[i] !== Infinity) return false;
    return true;
  }
}
