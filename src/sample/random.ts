/** A small seeded PRNG (mulberry32) and the helpers the sample data needs; same seed, same data set. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) {
        return value;
      }
    }
    return choices[choices.length - 1][0];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  hex(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) {
      text += Math.floor(this.next() * 16).toString(16);
    }
    return text;
  }

  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${this.hex(3)}-${this.hex(12)}`;
  }

  ipv4(): string {
    return `${this.pick([203, 198, 192])}.${this.int(0, 255)}.${this.int(0, 255)}.${this.int(1, 254)}`;
  }

  phone(): string {
    return `+1${this.int(200, 989)}${this.int(200, 999)}${String(this.int(0, 9999)).padStart(4, '0')}`;
  }
}

/** Spreads `count` descending times over `spanMs` before `now`, newest first, with a little jitter. */
export function descendingTimes(random: Random, count: number, now: number, spanMs: number): number[] {
  const step = spanMs / Math.max(1, count);
  const times: number[] = [];
  let time = now - random.int(1_000, 60_000);
  for (let i = 0; i < count; i++) {
    times.push(Math.round(time));
    time -= step * (0.2 + random.next() * 1.6);
  }
  return times;
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
