// The Bass (1969) diffusion model, fitted to per-period adoption counts by nonlinear least squares
// (Srinivasan & Mason 1986). Pure: no I/O, no clock, no randomness, so equal input gives equal output.
//
// m enters the model linearly, so for given (p, q) its least-squares value has a closed form. We
// profile it out (variable projection, Golub & Pereyra 1973) and run Levenberg–Marquardt on
// (ln p, ln q) only, from several starts: the OLS estimate of the discrete Bass regression
// a_t = b0 + b1·N_{t−1} + b2·N_{t−1}² and a small grid. The logs keep p > 0 and q > 0; profiling m
// removes the badly scaled direction that makes three-parameter NLS fragile. Counts are divided by
// their total while fitting, so every quantity the optimiser sees is of order one.

export interface BassParams {
  m: number
  p: number
  q: number
}

export interface BassFit {
  m: number // market potential (total eventual adopters)
  p: number // coefficient of innovation
  q: number // coefficient of imitation
  peakPeriod: number // t* = ln(q/p)/(p+q), or 0 when q <= p (adoptions fall from the start)
  fitted: number[] // model adoptions per observed period (same length as the input)
  forecast: number[] // model adoptions for the `horizon` periods after the observed ones
  rSquared: number // 1 − SSE/SST on per-period adoptions
  sse: number
}

export type BassFitErrorReason = 'too_short' | 'all_zero' | 'negative' | 'not_finite' | 'no_fit'

/** Thrown by fitBass when the input cannot support a fit; `reason` names the rule that failed. */
export class BassFitError extends Error {
  readonly reason: BassFitErrorReason

  constructor(reason: BassFitErrorReason, message: string) {
    super(message)
    this.name = 'BassFitError'
    this.reason = reason
  }
}

const DEFAULT_HORIZON = 5
const MAX_HORIZON = 50
// Box for the search. p above 5 or q above 10 per period would mean (nearly) everyone adopts in
// the first period, which the data cannot tell apart; the lower bounds stand in for 0.
const LOG_P: readonly [number, number] = [Math.log(1e-6), Math.log(5)]
const LOG_Q: readonly [number, number] = [Math.log(1e-9), Math.log(10)]
// A market potential above this multiple of the adoptions seen so far is not identified by the
// data (the least-squares estimate can run off to infinity, Markovic & Jukic 2013): refuse it.
const MAX_M_RATIO = 1000
const GRID_P = [0.001, 0.01, 0.03, 0.1]
const GRID_Q = [0.1, 0.4, 0.8, 1.5]

/** The model's adoptions per period 1..periods: m·(F(i) − F(i−1)), finite for any valid input. */
export function bassAdoptions(params: BassParams, periods: number): number[] {
  const { m, p, q } = params
  const valid = [m, p, q].every(Number.isFinite) && m >= 0 && p > 0 && q >= 0
  if (!valid) throw new RangeError('Bass parameters must be finite with m >= 0, p > 0 and q >= 0.')
  if (!Number.isInteger(periods) || periods < 0) {
    throw new RangeError('The number of periods must be a non-negative integer.')
  }
  return shape(p, q, periods).map((g) => m * g)
}

/** Fits m, p, q to per-period adoptions by nonlinear least squares; throws BassFitError when the input cannot support a fit. */
export function fitBass(
  adoptionsPerPeriod: readonly number[],
  options: { horizon?: number } = {}
): BassFit {
  const horizon = options.horizon ?? DEFAULT_HORIZON
  if (!Number.isInteger(horizon) || horizon < 0 || horizon > MAX_HORIZON) {
    throw new RangeError(`The forecast horizon must be an integer from 0 to ${MAX_HORIZON}.`)
  }
  const observed = [...adoptionsPerPeriod]
  checkInput(observed)
  const total = observed.reduce((sum, a) => sum + a, 0)
  const y = observed.map((a) => a / total)

  let best: Estimate | undefined
  for (const start of startingPoints(y)) {
    const estimate = levenbergMarquardt(y, start)
    if (best === undefined || estimate.sse < best.sse) best = estimate
  }
  if (best === undefined || !Number.isFinite(best.sse) || best.m >= 0.99 * MAX_M_RATIO) {
    throw new BassFitError(
      'no_fit',
      'The adoptions do not determine a market potential: the fit did not converge to sensible parameters.'
    )
  }

  // q on its lower bound stands for q = 0 (pure innovation, no word of mouth).
  const q = best.logQ <= LOG_Q[0] ? 0 : Math.exp(best.logQ)
  const params = { m: best.m * total, p: Math.exp(best.logP), q }
  const curve = bassAdoptions(params, observed.length + horizon)
  const fitted = curve.slice(0, observed.length)
  const forecast = curve.slice(observed.length)
  const mean = total / observed.length
  let sse = 0
  let sst = 0
  for (const [i, a] of observed.entries()) {
    sse += (a - (fitted[i] ?? 0)) ** 2
    sst += (a - mean) ** 2
  }
  const rSquared = sst > 0 ? 1 - sse / sst : sse === 0 ? 1 : 0
  const peakPeriod = params.q > params.p ? Math.log(params.q / params.p) / (params.p + params.q) : 0
  const fit: BassFit = { ...params, peakPeriod, fitted, forecast, rSquared, sse }
  const numbers = [params.m, params.p, params.q, peakPeriod, rSquared, sse, ...curve]
  if (!numbers.every(Number.isFinite)) {
    throw new BassFitError('no_fit', 'The fit produced numbers that are not finite.')
  }
  return fit
}

function checkInput(observed: readonly number[]): void {
  if (observed.length < 3) {
    throw new BassFitError('too_short', 'At least 3 periods of adoptions are needed to fit.')
  }
  if (!observed.every(Number.isFinite)) {
    throw new BassFitError('not_finite', 'Every adoption count must be a finite number.')
  }
  if (observed.some((a) => a < 0)) {
    throw new BassFitError('negative', 'Adoption counts cannot be negative.')
  }
  if (observed.every((a) => a === 0)) {
    throw new BassFitError('all_zero', 'There are no adoptions to fit: every period is zero.')
  }
  if (observed.filter((a) => a > 0).length < 2) {
    throw new BassFitError('no_fit', 'At least 2 periods with adoptions are needed to fit a curve.')
  }
}

// F(t) − F(t−1) for t = 1..periods; F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p)·e^{−(p+q)t}).
function shape(p: number, q: number, periods: number): number[] {
  const cumulative = (t: number) =>
    -Math.expm1(-(p + q) * t) / (1 + (q / p) * Math.exp(-(p + q) * t))
  return Array.from({ length: periods }, (_, i) => cumulative(i + 1) - cumulative(i))
}

interface Estimate {
  logP: number
  logQ: number
  m: number // in units of the observed total
  residuals: number[]
  sse: number
}

function evaluate(y: readonly number[], logP: number, logQ: number): Estimate {
  const g = shape(Math.exp(logP), Math.exp(logQ), y.length)
  let gy = 0
  let gg = 0
  for (const [i, gi] of g.entries()) {
    gy += gi * (y[i] ?? 0)
    gg += gi * gi
  }
  // The constraint m >= cumulative observed (1 after scaling) and the identifiability cap.
  const m = Math.min(MAX_M_RATIO, Math.max(1, gg > 0 ? gy / gg : MAX_M_RATIO))
  const residuals = y.map((yi, i) => yi - m * (g[i] ?? 0))
  const sse = residuals.reduce((sum, r) => sum + r * r, 0)
  return { logP, logQ, m, residuals, sse: Number.isFinite(sse) ? sse : Number.POSITIVE_INFINITY }
}

const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x))

// Levenberg–Marquardt (Marquardt's diagonal scaling) on the profiled residuals, with the iterate
// projected onto the box and the Jacobian taken by central differences.
function levenbergMarquardt(y: readonly number[], start: readonly [number, number]): Estimate {
  let current = evaluate(y, clamp(start[0], LOG_P), clamp(start[1], LOG_Q))
  let lambda = 1e-3
  const h = 1e-6
  for (let iteration = 0; iteration < 300 && lambda < 1e12 && current.sse > 0; iteration++) {
    const { logP, logQ } = current
    const dP = difference(evaluate(y, logP + h, logQ), evaluate(y, logP - h, logQ), 2 * h)
    const dQ = difference(evaluate(y, logP, logQ + h), evaluate(y, logP, logQ - h), 2 * h)
    const [a11, a12, a22] = [dot(dP, dP), dot(dP, dQ), dot(dQ, dQ)]
    const [b1, b2] = [dot(dP, current.residuals), dot(dQ, current.residuals)]
    const floor = 1e-12 * (a11 + a22) + 1e-300
    for (; lambda < 1e12; lambda *= 4) {
      const d11 = a11 * (1 + lambda) + floor
      const d22 = a22 * (1 + lambda) + floor
      const det = d11 * d22 - a12 * a12
      const stepP = -(d22 * b1 - a12 * b2) / det
      const stepQ = -(d11 * b2 - a12 * b1) / det
      const trial = evaluate(y, clamp(logP + stepP, LOG_P), clamp(logQ + stepQ, LOG_Q))
      if (trial.sse < current.sse) {
        const gain = current.sse - trial.sse
        current = trial
        lambda = Math.max(lambda / 3, 1e-12)
        if (gain <= 1e-14 * current.sse || Math.hypot(stepP, stepQ) < 1e-12) return current
        break
      }
    }
  }
  return current
}

function difference(plus: Estimate, minus: Estimate, width: number): number[] {
  return plus.residuals.map((r, i) => (r - (minus.residuals[i] ?? 0)) / width)
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, ai, i) => sum + ai * (b[i] ?? 0), 0)
}

function startingPoints(y: readonly number[]): [number, number][] {
  const grid = GRID_P.flatMap((p) =>
    GRID_Q.map((q): [number, number] => [Math.log(p), Math.log(q)])
  )
  const ols = olsStart(y)
  return ols === undefined ? grid : [ols, ...grid]
}

// Bass's (1969) own estimator: regress a_t on 1, N_{t−1}, N_{t−1}², then b0 = pm, b1 = q − p,
// b2 = −q/m. Only usable when b2 < 0 < b0, so that m is the one positive root of b2·m² + b1·m + b0.
function olsStart(y: readonly number[]): [number, number] | undefined {
  const s = [0, 0, 0, 0, 0] // Σ N^k for k = 0..4, the entries of the (Hankel) normal matrix
  const t = [0, 0, 0] // Σ a·N^k for k = 0..2, the right-hand side
  let before = 0
  for (const a of y) {
    for (const k of s.keys()) s[k] = (s[k] ?? 0) + before ** k
    for (const k of t.keys()) t[k] = (t[k] ?? 0) + a * before ** k
    before += a
  }
  const [s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0] = s
  const [t0 = 0, t1 = 0, t2 = 0] = t
  // Cramer's rule; N <= 1 after scaling, so s0 bounds every entry.
  const det = det3([s0, s1, s2], [s1, s2, s3], [s2, s3, s4])
  if (!(Math.abs(det) > 1e-12 * s0 ** 3)) return undefined
  const b0 = det3([t0, s1, s2], [t1, s2, s3], [t2, s3, s4]) / det
  const b1 = det3([s0, t0, s2], [s1, t1, s3], [s2, t2, s4]) / det
  const b2 = det3([s0, s1, t0], [s1, s2, t1], [s2, s3, t2]) / det
  if (!(b2 < 0 && b0 > 0)) return undefined
  const m = (-b1 - Math.sqrt(b1 * b1 - 4 * b0 * b2)) / (2 * b2)
  const [p, q] = [b0 / m, -b2 * m]
  return p > 0 && q > 0 && Number.isFinite(p + q) ? [Math.log(p), Math.log(q)] : undefined
}

type Row = readonly [number, number, number]

function det3([a, b, c]: Row, [d, e, f]: Row, [g, h, i]: Row): number {
  return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
}
