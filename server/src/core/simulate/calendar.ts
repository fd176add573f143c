// The event queue as a calendar queue (Brown, 1988): time is cut into days of `width` ms, and day d's events
// sit in bucket d mod the bucket count, each bucket a list linked through the events and sorted by time (equal
// times in insertion order). The earliest event is the head of the first bucket from the current day whose head
// falls on the day it stands for: usually the current bucket or the next, so a push or a pop touches one or two
// short lists where a binary heap moved an item through every level (the binary heap it replaced, with the same
// order and so the same results, cost about twice as much per operation on a replayed trace of a run's queue).
// Pops come out by time, ties in insertion order (`seq`): runs are deterministic.
//
// The width follows the run: every `SAMPLE` pops it is set to a few mean gaps between popped times, and the
// bucket count follows the number of events queued; either change re-files the events (rare, linear).
export interface Queued {
  /** Simulated time, ms. */
  t: number;
  /** Insertion number, set by `push`. */
  seq: number;
  /** The next event in its bucket. */
  next: Queued | null;
  /** The day it falls on: floor(t / width). */
  day: number;
}

/** Pops between checks of the width. */
const SAMPLE = 4096;
/** Mean gaps between popped times per day. */
const GAPS_PER_DAY = 3;
const MIN_BUCKETS = 16;

export class CalendarQueue<T extends Queued> {
  private buckets: (T | null)[] = nulls(MIN_BUCKETS);
  private mask = MIN_BUCKETS - 1;
  /** 1 / the width of a day, ms. */
  private inv = 1;
  private n = 0;
  private counter = 0;
  /** No queued event falls before this day. */
  private today = 0;
  /** The earliest event, once found (null: not looked for since the queue changed). */
  private first: T | null = null;
  /** Popped times since the last width check: the first one and the latest. */
  private pops = 0;
  private from = 0;
  private last = 0;

  get size(): number {
    return this.n;
  }

  push(e: T): void {
    e.seq = this.counter++;
    const day = Math.floor(e.t * this.inv);
    e.day = day;
    const b = day & this.mask; // (ToInt32 wraps modulo 2^32, a multiple of the bucket count: any day is right)
    let p = this.buckets[b];
    // The latest pushed, so after every event of an equal time.
    if (p === null || e.t < p.t) {
      e.next = p;
      this.buckets[b] = e;
    } else {
      while (p.next !== null && p.next.t <= e.t) p = p.next as T;
      e.next = p.next;
      p.next = e;
    }
    if (day < this.today) this.today = day;
    if (this.first !== null && e.t < this.first.t) this.first = e;
    if (++this.n > 2 * this.buckets.length) this.refile(this.buckets.length * 2, this.inv);
  }

  /** The earliest event's time (Infinity when empty). */
  peekTime(): number {
    if (this.first !== null) return this.first.t;
    if (this.n === 0) return Infinity;
    return this.find().t;
  }

  pop(): T | undefined {
    if (this.n === 0) return undefined;
    const e = this.first ?? this.find();
    this.first = null;
    this.buckets[e.day & this.mask] = e.next as T | null;
    e.next = null;
    this.n--;
    this.sample(e.t);
    return e;
  }

  /** The earliest event: the head of the first bucket, from today's, whose head falls on the day it stands for;
   *  when a whole round of buckets has none, the earliest head (a sparse queue: its next event is far ahead). */
  private find(): T {
    const buckets = this.buckets;
    let day = this.today;
    for (let k = 0; k <= this.mask; k++, day++) {
      const h = buckets[day & this.mask];
      if (h !== null && h.day === day) {
        this.today = day;
        return (this.first = h);
      }
    }
    let best: T | null = null;
    for (const h of buckets) if (h !== null && (best === null || before(h, best))) best = h;
    this.today = best!.day;
    return (this.first = best!);
  }

  /** Every `SAMPLE` pops: a width far from a few mean gaps between popped times is reset. */
  private sample(t: number): void {
    if (this.pops++ === 0) this.from = t;
    this.last = t;
    if (this.pops < SAMPLE) return;
    const gap = (this.last - this.from) / (this.pops - 1);
    this.pops = 0;
    if (!(gap > 0) || !Number.isFinite(gap)) return;
    const inv = 1 / (GAPS_PER_DAY * gap);
    const ratio = inv / this.inv;
    const size = this.n < this.buckets.length / 4 ? this.buckets.length / 2 : this.buckets.length;
    if (ratio > 2 || ratio < 0.5 || size !== this.buckets.length) this.refile(Math.max(MIN_BUCKETS, size), inv);
  }

  /** Re-files every event into `size` buckets of days of 1 / inv ms. */
  private refile(size: number, inv: number): void {
    const all: T[] = [];
    for (let h of this.buckets) for (; h !== null; h = h.next as T | null) all.push(h);
    all.sort((a, b) => a.t - b.t || a.seq - b.seq);
    this.buckets = nulls(size);
    this.mask = size - 1;
    this.inv = inv;
    this.first = null;
    // In order, so each goes at the end of its bucket's list: the tails, per bucket.
    const tails = nulls<T>(size);
    for (const e of all) {
      e.day = Math.floor(e.t * inv);
      const b = e.day & this.mask;
      e.next = null;
      if (tails[b] === null) this.buckets[b] = e;
      else tails[b]!.next = e;
      tails[b] = e;
    }
    this.today = all.length > 0 ? all[0].day : Math.floor(this.last * inv);
  }
}

function before(a: Queued, b: Queued): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}

/** n nulls as a packed array (`new Array(n)` would be holey: a hole check on every read). */
function nulls<T>(n: number): (T | null)[] {
  const out: (T | null)[] = [];
  for (let i = 0; i < n; i++) out.push(null);
  return out;
}
