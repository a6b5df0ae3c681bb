import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createClockState, TimeTravelError, VirtualClock } from './clock'

function recordingClock(now = 0) {
  const clock = new VirtualClock<string>(createClockState(now))
  const fired: Array<[string, number]> = []
  return { clock, fired }
}

describe('virtual clock', () => {
  it('fires a timer scheduled by an earlier timer within the same advance, at its own deadline', () => {
    const { clock, fired } = recordingClock()
    clock.schedule(10, 'parent')
    clock.advanceTo(100, (payload, at) => {
      fired.push([payload, at])
      if (payload === 'parent') clock.schedule(at + 15, 'child')
      if (payload === 'child') clock.schedule(at + 15, 'grandchild')
    })
    expect(fired).toEqual([
      ['parent', 10],
      ['child', 25],
      ['grandchild', 40],
    ])
    expect(clock.now).toBe(100)
  })

  it('leaves a nested timer whose deadline is past the target for a later advance', () => {
    const { clock, fired } = recordingClock()
    clock.schedule(90, 'parent')
    const fire = (payload: string, at: number) => {
      fired.push([payload, at])
      if (payload === 'parent') clock.schedule(at + 20, 'child')
    }
    clock.advanceTo(100, fire)
    expect(fired).toEqual([['parent', 90]])
    clock.advanceTo(110, fire)
    expect(fired).toEqual([
      ['parent', 90],
      ['child', 110],
    ])
  })

  it('sets now to each timer deadline while it fires', () => {
    const { clock } = recordingClock(5)
    clock.schedule(7, 'a')
    const seen: number[] = []
    clock.advanceTo(50, () => seen.push(clock.now))
    expect(seen).toEqual([7])
  })

  it('fires timers with equal deadlines in the order they were scheduled', () => {
    const { clock, fired } = recordingClock()
    for (const name of ['a', 'b', 'c', 'd']) clock.schedule(20, name)
    clock.advanceTo(20, (p, at) => fired.push([p, at]))
    expect(fired.map(([p]) => p)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('refuses to go back in time and changes nothing when asked to', () => {
    const { clock } = recordingClock(1000)
    clock.schedule(1500, 'x')
    expect(() => clock.advanceTo(999, () => {})).toThrow(TimeTravelError)
    expect(clock.now).toBe(1000)
    expect(clock.pending).toBe(1)
  })

  it('never schedules a timer in the past: it fires at the current time', () => {
    const { clock, fired } = recordingClock(100)
    clock.schedule(50, 'late')
    clock.advanceTo(100, (p, at) => fired.push([p, at]))
    expect(fired).toEqual([['late', 100]])
  })

  it('does not fire a cancelled timer and keeps the others in order', () => {
    const { clock, fired } = recordingClock()
    clock.schedule(30, 'a')
    const b = clock.schedule(10, 'b')
    clock.schedule(20, 'c')
    clock.cancel(b)
    clock.cancel(9999)
    clock.advanceTo(100, (p, at) => fired.push([p, at]))
    expect(fired).toEqual([
      ['c', 20],
      ['a', 30],
    ])
  })

  it('reports the next deadline', () => {
    const { clock } = recordingClock()
    expect(clock.nextDeadline()).toBeUndefined()
    clock.schedule(40, 'a')
    clock.schedule(15, 'b')
    expect(clock.nextDeadline()).toBe(15)
  })

  it('fires any set of timers in (deadline, scheduling order) order, whatever is cancelled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 500 }), cancel: fc.boolean() }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 600 }),
        (specs, target) => {
          const clock = new VirtualClock<number>(createClockState(0))
          const ids = specs.map((s, i) => clock.schedule(s.at, i))
          specs.forEach((s, i) => {
            if (s.cancel) clock.cancel(ids[i] as number)
          })
          const fired: number[] = []
          clock.advanceTo(target, (p) => fired.push(p))
          const expected = specs
            .map((s, i) => ({ ...s, i }))
            .filter((s) => !s.cancel && s.at <= target)
            .sort((a, b) => a.at - b.at || a.i - b.i)
            .map((s) => s.i)
          expect(fired).toEqual(expected)
          expect(clock.now).toBe(target)
        },
      ),
    )
  })

  it('survives a round trip through JSON with its queue intact', () => {
    const a = new VirtualClock<string>(createClockState(0))
    a.schedule(30, 'x')
    a.schedule(10, 'y')
    const b = new VirtualClock<string>(JSON.parse(JSON.stringify(a.state)))
    const fired: string[] = []
    b.advanceTo(100, (p) => fired.push(p))
    expect(fired).toEqual(['y', 'x'])
  })
})
