/** A seeded pseudo-random generator: the same seed gives the same sequence on every run. */
export interface Random {
  /** A number in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T
  /** True with probability p. */
  chance(p: number): boolean
  /** One key, with probability proportional to its weight. */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T
}

/** mulberry32 (Tommy Ettinger, public domain): 32 bits of state, fast, good enough for test data. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    chance: (p) => next() < p,
    weighted(weights) {
      const entries = Object.entries(weights) as [keyof typeof weights, number][]
      const total = entries.reduce((sum, [, w]) => sum + w, 0)
      let r = next() * total
      for (const [key, w] of entries) {
        r -= w
        if (r < 0) return key
      }
      return (entries.at(-1) as [keyof typeof weights, number])[0]
    },
  }
  return random
}

/**
 * Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s (Zipf): rank 0 is the most
 * common, the tail is rare. Binary search over the cumulative weights.
 */
export function zipf(n: number, s = 1.07): (random: Random) => number {
  const cumulative = new Float64Array(n)
  let total = 0
  for (let k = 0; k < n; k++) {
    total += 1 / (k + 1) ** s
    cumulative[k] = total
  }
  return (random) => {
    const r = random.next() * total
    let low = 0
    let high = n - 1
    while (low < high) {
      const mid = (low + high) >>> 1
      if ((cumulative[mid] as number) < r) low = mid + 1
      else high = mid
    }
    return low
  }
}

/** A version-4-shaped uuid whose last groups carry a tag and a counter, so ids are stable. */
export function stableUuid(prefix: string, counter: number): string {
  if (!/^[0-9a-f]{8}$/.test(prefix)) throw new Error(`uuid prefix must be 8 hex digits: ${prefix}`)
  const hex = counter.toString(16).padStart(12, '0')
  if (hex.length > 12) throw new Error('uuid counter too large')
  return `${prefix}-0000-4000-8000-${hex}`
}
