/**
 * Seeded pseudo-random numbers (mulberry32). The generator's whole state is one 32-bit
 * integer kept in the engine state, so a snapshot replays the same sequence.
 */
export interface RandomState {
  seed: number
  state: number
}

export function createRandomState(seed: number): RandomState {
  const s = seed >>> 0
  return { seed: s, state: s }
}

export class Random {
  constructor(readonly state: RandomState) {}

  /** A float in [0, 1). */
  next(): number {
    this.state.state = (this.state.state + 0x6d2b79f5) >>> 0
    let t = this.state.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** `base` varied by up to ±`spread` (a fraction), rounded to whole units. */
  jitter(base: number, spread: number): number {
    return Math.round(base * (1 - spread + 2 * spread * this.next()))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list.')
    return items[Math.floor(this.next() * items.length)] as T
  }

  hex(length: number): string {
    let out = ''
    while (out.length < length) out += ((this.next() * 0x100000000) >>> 0).toString(16).padStart(8, '0')
    return out.slice(0, length)
  }
}
