// Lowe's memoisation for the Wing & Gong search: a set of (linearized operations as a bitset, model state) already
// explored. Open addressing over typed arrays; bitsets are hashed incrementally (Zobrist: a random word per
// operation, xor-ed in and out) so a probe costs one bitset comparison only on a hash match. Slots are stamped
// with an epoch, so a reset costs nothing however large the table grew.

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** A 32-bit mix of a model state (value, aux). */
export function stateHash(v: number, aux: number): number {
  f64[0] = v;
  let h = Math.imul(u32[0] ^ 0x9e3779b9, 0x85ebca6b) ^ u32[1];
  f64[0] = aux;
  h = Math.imul(h ^ u32[0], 0xc2b2ae35) ^ Math.imul(u32[1], 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) | 0;
}

let zobrist = new Int32Array(0);
/** Zobrist words: a fixed pseudo-random word per operation index (deterministic across runs). */
export function zobristFor(n: number): Int32Array {
  if (zobrist.length >= n) return zobrist;
  const z = new Int32Array(Math.max(n, zobrist.length * 2, 64));
  let x = 0x2545f491;
  for (let i = 0; i < z.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    z[i] = x;
  }
  zobrist = z;
  return z;
}

/** The set of explored (bitset, state) configurations of one search. */
export class Memo {
  private words = 1;
  count = 0;
  private bits = new Uint32Array(64);
  private v = new Float64Array(64);
  private aux = new Float64Array(64);
  private hash = new Int32Array(64);
  private slot = new Int32Array(256);
  private stamp = new Int32Array(256);
  private epoch = 1;

  /** Empties the set for bitsets of `words` 32-bit words. */
  reset(words: number): void {
    this.words = words;
    this.count = 0;
    if (++this.epoch === 0x7fffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
  }

  /** Words stored (entries × bitset words), for the memory cap. */
  get size(): number {
    return this.count * this.words;
  }

  /** Adds (bits, v, aux) with bitset hash `bh`; false if it was already there. */
  insert(bits: Uint32Array, bh: number, v: number, aux: number): boolean {
    const h = bh ^ stateHash(v, aux);
    const mask = this.slot.length - 1;
    const w = this.words;
    for (let s = (h ^ (h >>> 16)) & mask; ; s = (s + 1) & mask) {
      if (this.stamp[s] !== this.epoch) {
        this.store(s, bits, h, v, aux);
        return true;
      }
      const e = this.slot[s];
      if (this.hash[e] !== h || this.v[e] !== v || this.aux[e] !== aux) continue;
      let same = true;
      for (let i = 0, o = e * w; i < w; i++)
        if (this.bits[o + i] !== bits[i]) {
          same = false;
          break;
        }
      if (same) return false;
    }
  }

  private store(s: number, bits: Uint32Array, h: number, v: number, aux: number): void {
    const e = this.count++;
    const w = this.words;
    if ((e + 1) * w > this.bits.length) {
      const b = new Uint32Array(Math.max(this.bits.length * 2, (e + 1) * w));
      b.set(this.bits.subarray(0, e * w));
      this.bits = b;
    }
    if (e >= this.v.length) {
      this.v = grow(this.v, e);
      this.aux = grow(this.aux, e);
      const hh = new Int32Array(this.hash.length * 2);
      hh.set(this.hash);
      this.hash = hh;
    }
    for (let i = 0; i < w; i++) this.bits[e * w + i] = bits[i];
    this.v[e] = v;
    this.aux[e] = aux;
    this.hash[e] = h;
    this.slot[s] = e;
    this.stamp[s] = this.epoch;
    if (this.count * 2 > this.slot.length) this.rehash();
  }

  private rehash(): void {
    const n = this.slot.length * 2;
    this.slot = new Int32Array(n);
    this.stamp = new Int32Array(n);
    this.epoch = 1;
    const mask = n - 1;
    for (let e = 0; e < this.count; e++) {
      const h = this.hash[e];
      let s = (h ^ (h >>> 16)) & mask;
      while (this.stamp[s] === 1) s = (s + 1) & mask;
      this.slot[s] = e;
      this.stamp[s] = 1;
    }
  }
}

function grow(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(Math.max(a.length * 2, n + 1));
  b.set(a);
  return b;
}
