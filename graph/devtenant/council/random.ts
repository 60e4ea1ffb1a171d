/**
 * Seeded randomness for the generated council. Everything the council contains
 * comes from here, so the same seed always gives the same council: nothing may
 * use Math.random, the clock or crypto.
 */

/** Mixes any mix of numbers and strings into a 32-bit seed (FNV-1a, then a murmur3 finaliser to spread the bits). */
export function seedFrom(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    }
    // A separator, so ("ab", "c") and ("a", "bc") seed differently.
    hash = Math.imul(hash ^ 0xff, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function hex8(word: number): string {
  return word.toString(16).padStart(8, "0");
}

/** mulberry32: one 32-bit word of state, fast, and plenty random for test data. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniformly random unsigned 32-bit integer. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer from min to max inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A real number in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError("cannot pick from an empty list");
    return item;
  }

  /** Picks items[i] with probability weights[i] / sum(weights). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const weight of weights) total += weight;
    let target = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      target -= weights[i] ?? 0;
      if (target < 0) return items[i] as T;
    }
    return this.pick(items);
  }

  /** Roughly normal: the sum of four uniforms (Irwin–Hall), which never strays beyond ±3.5 sd. */
  normal(mean: number, sd: number): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    return mean + ((sum - 2) / 0.5773502691896257) * sd;
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const swap = items[i] as T;
      items[i] = items[j] as T;
      items[j] = swap;
    }
    return items;
  }

  /** A lowercase GUID in version 4 form (the version nibble 4, the variant 8–b), as Entra and Intune ids look. */
  guid(): string {
    const first = hex8(this.uint32());
    const second = hex8(((this.uint32() & 0xffff0fff) | 0x4000) >>> 0);
    const third = hex8(((this.uint32() & 0x3fffffff) | 0x80000000) >>> 0);
    return `${first}-${second.slice(0, 4)}-${second.slice(4)}-${third.slice(0, 4)}-${third.slice(4)}${hex8(this.uint32())}`;
  }

  /** n characters drawn from alphabet, e.g. a serial number. */
  chars(alphabet: string, n: number): string {
    let text = "";
    for (let i = 0; i < n; i++) text += alphabet[Math.floor(this.next() * alphabet.length)];
    return text;
  }
}
