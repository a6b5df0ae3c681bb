// @vitest-environment node
import { expect, test } from 'vitest'
import { type Duration, toMilliseconds } from './duration'

test('reads milliseconds and one number with a unit', () => {
  expect(toMilliseconds(0, 'sim.advance(0)')).toBe(0)
  expect(toMilliseconds(1500, 'c')).toBe(1500)
  expect(toMilliseconds('250ms', 'c')).toBe(250)
  expect(toMilliseconds('90s', 'c')).toBe(90_000)
  expect(toMilliseconds('30m', 'c')).toBe(1_800_000)
  expect(toMilliseconds('6h', 'c')).toBe(21_600_000)
  expect(toMilliseconds('14d', 'c')).toBe(1_209_600_000)
  expect(toMilliseconds('1.5h', 'c')).toBe(5_400_000)
})

test.each([
  ['6 hours' as Duration],
  ['6x' as Duration],
  ['h' as Duration],
  ['-5m' as Duration],
  ['1.5ms' as Duration],
  ['' as Duration],
])('refuses %j, naming the call and the units', (value) => {
  expect(() => toMilliseconds(value, 'sim.advance("x")')).toThrow(
    /^sim\.advance\("x"\): .* is not a duration\. .*units: ms, s, m, h, d/,
  )
})

test.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the number %d', (value) => {
  expect(() => toMilliseconds(value, 'sim.advance(n)')).toThrow(
    /^sim\.advance\(n\): .* is not a whole, non-negative number of milliseconds/,
  )
})
