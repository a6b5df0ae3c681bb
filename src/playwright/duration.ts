/**
 * Durations for `sim.advance`: a number of milliseconds, or one number with a unit, as people
 * write them in a test ('90s', '30m', '6h', '14d').
 */
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const

export type DurationUnit = keyof typeof UNIT_MS
/** `'250ms'`, `'90s'`, `'30m'`, `'6h'`, `'14d'`. */
export type Duration = `${number}${DurationUnit}`

const PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/

/** Whole milliseconds for `value`; throws, naming `call`, for anything else (negative, NaN, '6 hours'). */
export function toMilliseconds(value: number | Duration, call: string): number {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0) return value
    throw new Error(`${call}: ${value} is not a whole, non-negative number of milliseconds.`)
  }
  const match = PATTERN.exec(String(value).trim())
  if (match) {
    const ms = Number(match[1]) * UNIT_MS[match[2] as DurationUnit]
    if (Number.isInteger(ms)) return ms
  }
  throw new Error(
    `${call}: ${JSON.stringify(value)} is not a duration. Use a number of milliseconds or a number and a unit, e.g. '90s', '30m', '6h', '14d' (units: ms, s, m, h, d).`,
  )
}
