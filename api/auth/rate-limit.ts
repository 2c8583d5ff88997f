/**
 * Counts events per key in a sliding window, in this process's memory. Keys are connection
 * addresses and account names, never X-Forwarded-For, which any client can set.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>()

  constructor(
    readonly limit: number,
    readonly windowMs: number
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it is under the limit. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now)
    if (recent.length < this.limit) return 0
    return (recent[0] as number) + this.windowMs - now
  }

  /** Counts one event for `key`. */
  record(key: string, now = Date.now()) {
    const recent = this.recent(key, now)
    recent.push(now)
    this.hits.set(key, recent)
    if (this.hits.size > 100_000) this.hits.delete(this.hits.keys().next().value as string)
  }

  /** Forgets `key` (after a successful login, its failures no longer count). */
  reset(key: string) {
    this.hits.delete(key)
  }

  private recent(key: string, now: number) {
    return (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs)
  }
}
