// The simulator's seeded pseudo-random generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
// 128-bit state, passes PractRand), its three state words expanded from a 32-bit seed by splitmix32 and
// the first 12 outputs discarded. 32-bit integer arithmetic only: same seed, same stream, everywhere.

/** A seeded stream of uniform numbers. */
export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextU32(): number;
  /** Uniform in [0, 1), 32 bits of resolution. */
  float(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** splitmix32: a mixing step used only to expand a seed into sfc32's four state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seed as a 32-bit integer: numbers are truncated, strings hashed (FNV-1a). */
export function seedOf(seed: number | string): number {
  if (typeof seed === 'number') return Math.trunc(seed) % 0x1_0000_0000 >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const st = { s: seed | 0 };
    this.a = splitmix32(st) | 0;
    this.b = splitmix32(st) | 0;
    this.c = splitmix32(st) | 0;
    this.d = 1; // the counter word
    for (let i = 0; i < 12; i++) this.nextU32(); // discard the first outputs, as the reference does
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) + t;
    this.c |= 0;
    return t >>> 0;
  }

  float(): number {
    return this.nextU32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.float() * n);
  }
}

/** A new generator for a seed. */
export function createRng(seed: number | string): Rng {
  return new Sfc32(seedOf(seed));
}
