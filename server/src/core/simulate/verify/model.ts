// The sequential specifications (register, counter) as step functions over a state of two numbers: the value and
// `aux`. Register: aux is 0, or WILD for "any value" (the next read fixes it). Counter: aux packs, per increment
// size (up to 4 "slots"), how many indeterminate increments of that size are still pending — they may be applied
// before any later read, or never — plus the WILD bit. A counter read may therefore have several successors
// (which pending increments it saw); `step(…, k)` yields the k-th, in a fixed order.

/** Operation kinds. */
export const READ = 0;
export const WRITE = 1;
export const ADD = 2;

/** aux bit: the value is unknown ("any state"). */
export const WILD = 2 ** 48;
/** Counter pending counts: 3 slots of 16 bits below WILD. */
export const SLOTS = 3;
export const RADIX = 65536;
/** Most pending increments of one size a state can count. */
export const MAX_PENDING = RADIX - 1;

const POW = [1, RADIX, RADIX * RADIX];

/** Pending count of a slot in aux. */
export function pendingOf(aux: number, slot: number): number {
  return Math.floor((aux % WILD) / POW[slot]) % RADIX;
}

/** Counts increments by size (`add` operations only), into `into`. */
export function countAdds(
  ops: readonly { f: string; value: number | null }[],
  into = new Map<number, number>(),
): Map<number, number> {
  for (const o of ops) if (o.f === 'add') into.set(o.value as number, (into.get(o.value as number) ?? 0) + 1);
  return into;
}

/** aux with `n` more pending increments in `slot` (caller keeps counts ≤ MAX_PENDING). */
export function addPending(aux: number, slot: number, n: number): number {
  return aux + n * POW[slot];
}

/** The model of one search: its kind and, for counters, the increment of each pending slot. */
export class Model {
  readonly counter: boolean;
  /** Increment per slot. */
  readonly inc = new Float64Array(SLOTS);
  slots = 0;
  /** The successor found by the last successful step. */
  outV = 0;
  outAux = 0;
  /** Work done by the last step (counter reads enumerate pending choices). */
  cost = 1;
  private readonly j = new Int32Array(SLOTS);
  private readonly active = new Int32Array(SLOTS);

  constructor(kind: 'register' | 'counter') {
    this.counter = kind === 'counter';
  }

  /** The slot of increment `d`, added if new; -1 when all slots are taken by other sizes. */
  slotOf(d: number): number {
    for (let s = 0; s < this.slots; s++) if (this.inc[s] === d) return s;
    if (this.slots === SLOTS) return -1;
    this.inc[this.slots] = d;
    return this.slots++;
  }

  /** Sets the slots (e.g. a key's carried increment sizes). */
  setSlots(inc: readonly number[]): void {
    this.slots = inc.length;
    for (let s = 0; s < inc.length; s++) this.inc[s] = inc[s];
  }

  /** The k-th successor of state (v, aux) by operation (kind, arg); false when there is none. */
  step(kind: number, arg: number, v: number, aux: number, k: number): boolean {
    this.cost = 1;
    if (kind !== READ) {
      if (k !== 0) return false;
      if (kind === WRITE) {
        this.outV = arg;
        this.outAux = 0;
      } else {
        this.outV = aux >= WILD ? 0 : v + arg;
        this.outAux = aux;
      }
      return true;
    }
    if (aux >= WILD) {
      if (k !== 0) return false;
      this.outV = arg;
      this.outAux = aux - WILD;
      return true;
    }
    if (!this.counter || aux === 0) {
      if (k !== 0 || v !== arg) return false;
      this.outV = v;
      this.outAux = aux;
      return true;
    }
    return this.counterRead(arg, v, aux, k);
  }

  /** Counter read of r from (v, pending): the k-th choice of j[s] ≤ pending[s] with Σ j[s]·inc[s] = r − v. */
  private counterRead(r: number, v: number, aux: number, k: number): boolean {
    let n = 0;
    for (let s = 0; s < this.slots; s++) if (pendingOf(aux, s) > 0) this.active[n++] = s;
    const j = this.j;
    j.fill(0);
    let found = 0;
    let cost = 0;
    const last = this.active[n - 1];
    const lastMax = pendingOf(aux, last);
    for (;;) {
      cost++;
      // Sum of the free slots (all but the last), then solve the last one.
      let acc = v;
      for (let i = 0; i < n - 1; i++) acc += j[i] * this.inc[this.active[i]];
      const x = Math.round((r - acc) / this.inc[last]);
      if (x >= 0 && x <= lastMax && acc + x * this.inc[last] === r) {
        if (found++ === k) {
          let a = aux;
          for (let i = 0; i < n - 1; i++) a -= j[i] * POW[this.active[i]];
          this.outAux = a - x * POW[last];
          this.outV = r;
          this.cost = cost;
          return true;
        }
      }
      // Odometer over the free slots.
      let i = 0;
      while (i < n - 1 && j[i] === pendingOf(aux, this.active[i])) j[i++] = 0;
      if (i >= n - 1) break;
      j[i]++;
    }
    this.cost = cost;
    return false;
  }
}
