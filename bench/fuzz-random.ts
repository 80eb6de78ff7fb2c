/** A small seeded PRNG (sfc32), so every fuzz input can be made again from the seed and its index. */

/** Mixes a seed and an index into 32 bits (murmur3's finaliser). */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = mix(seed ^ 0x9e3779b9);
    this.b = mix(seed ^ 0x243f6a88);
    this.c = mix(seed ^ 0xb7e15162);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** The generator of input number `index` of a run with this seed. */
  static for(seed: number, index: number): Random {
    return new Random(mix(seed) ^ mix(index + 0x6a09e667));
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of the choices, by weight. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let at = this.next() * total;
    for (const [weight, value] of choices) {
      if (at < weight) return value;
      at -= weight;
    }
    return choices[choices.length - 1][1];
  }

  /** A length that is usually short and now and then long: mostly up to `typical`, rarely up to `max`. */
  length(typical: number, max: number): number {
    if (this.chance(0.02)) return this.int(typical, max);
    return this.int(0, typical);
  }
}

/** FUZZ_SEED, or a new seed printed by the caller so the run can be repeated. */
export function seedFrom(value: string | undefined): number {
  if (value !== undefined && value !== '') {
    const seed = Number(value);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`FUZZ_SEED must be an integer from 0 to 4294967295, not "${value}"`);
    return seed;
  }
  return Math.floor(Math.random() * 0xffffffff);
}
