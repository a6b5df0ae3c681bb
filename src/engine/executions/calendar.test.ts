import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { artifactsVersion, civil, compareArtifactsVersions, formatLogTime } from './calendar'

describe('the engine calendar', () => {
  it('splits epoch milliseconds into UTC fields', () => {
    expect(civil(0)).toEqual({ year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 })
    // 2019-05-23T13:49:47.688Z, the SDK fixture's execution start.
    expect(civil(1558619387688)).toEqual({ year: 2019, month: 5, day: 23, hour: 13, minute: 49, second: 47, millisecond: 688 })
    // 2024-02-29T23:59:59Z, a leap day.
    expect(civil(1709251199000)).toMatchObject({ year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59 })
    expect(formatLogTime(1558619387688)).toBe('2019-05-23 13:49:47')
  })

  it('writes artifacts versions in the observed Cloud Manager shape', () => {
    expect(artifactsVersion(1558619387688, '6554')).toBe('2019.523.134947.0000006554')
    expect(artifactsVersion(1562629250123, '1007')).toBe('2019.708.234050.0000001007')
  })

  it('orders artifacts versions by time, then id, even where string order would not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 1, max: 1e9 }),
        (a, b, id) => {
          const sa = Math.floor(a / 1000) * 1000
          const sb = Math.floor(b / 1000) * 1000
          const cmp = compareArtifactsVersions(artifactsVersion(sa, String(id)), artifactsVersion(sb, String(id + 1)))
          if (sa < sb) expect(cmp).toBeLessThan(0)
          if (sa > sb) expect(cmp).toBeGreaterThan(0)
          if (sa === sb) expect(cmp).toBeLessThan(0)
        },
      ),
    )
  })
})
