/**
 * Calendar arithmetic on virtual epoch milliseconds, without `Date` (the engine is pure and
 * must not depend on the host's clock or time zone). Always UTC.
 */

export interface CivilTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
}

const DAY_MS = 86_400_000

/** Splits epoch ms into UTC calendar fields (proleptic Gregorian; H. Hinnant's civil_from_days). */
export function civil(ms: number): CivilTime {
  const days = Math.floor(ms / DAY_MS)
  let rest = ms - days * DAY_MS
  const hour = Math.floor(rest / 3_600_000)
  rest -= hour * 3_600_000
  const minute = Math.floor(rest / 60_000)
  rest -= minute * 60_000
  const second = Math.floor(rest / 1000)
  const millisecond = rest - second * 1000
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return { year, month, day, hour, minute, second, millisecond }
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** `2026-11-02 09:00:05` (UTC), as build logs print it. */
export function formatLogTime(ms: number): string {
  const t = civil(ms)
  return `${t.year}-${pad(t.month, 2)}-${pad(t.day, 2)} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}`
}

/**
 * The synthetic release version Cloud Manager gives an execution:
 * `<year>.<month><day>.<hour><minute><second>.<10-digit execution id>`, e.g.
 * `2019.523.134947.0000006554` (month and hour unpadded, as observed).
 */
export function artifactsVersion(ms: number, executionId: string): string {
  const t = civil(ms)
  return `${t.year}.${t.month}${pad(t.day, 2)}.${t.hour}${pad(t.minute, 2)}${pad(t.second, 2)}.${executionId.padStart(10, '0')}`
}

/** Orders artifacts versions by their numeric parts (string order would put 11:00 before 9:00). */
export function compareArtifactsVersions(a: string, b: string): number {
  const pa = a.split('.')
  const pb = b.split('.')
  const n = Math.max(pa.length, pb.length)
  for (let i = 0; i < n; i++) {
    const d = Number(pa[i] ?? 0) - Number(pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}
