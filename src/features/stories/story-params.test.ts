import { describe, expect, it } from 'vitest'
import { describeSkipped } from './story-backend'
import { storyParams } from './story-store'

describe('storyParams', () => {
  it('reads the story, Play and the pace, and leaves the rest of the address', () => {
    expect(storyParams('?story=timeout&autoplay=1&story-pace=0.05&tab=2')).toEqual({
      id: 'timeout',
      autoplay: true,
      pace: 0.05,
      rest: '?tab=2',
    })
  })

  it('guides by default at the human pace, and ignores a pace that is not a positive number', () => {
    expect(storyParams('?story=re-execute&story-pace=fast')).toEqual({ id: 're-execute', autoplay: false, pace: 1, rest: '' })
    expect(storyParams('?story=re-execute&story-pace=-2')?.pace).toBe(1)
  })

  it('asks for nothing without a story', () => {
    expect(storyParams('?autoplay=1')).toBeUndefined()
  })
})

describe('describeSkipped', () => {
  const MIN = 60_000
  it('says how much virtual time passed and what ran meanwhile, four names at most', () => {
    expect(describeSkipped({ ms: 25 * MIN + 30_000, what: ['Build & Unit Testing', 'Code Scanning'] })).toBe(
      'Skipped 25 virtual minutes: Build & Unit Testing, Code Scanning.',
    )
    expect(describeSkipped({ ms: 14 * 24 * 60 * MIN, what: ['the wait at Approval'] })).toBe(
      'Skipped 14 virtual days: the wait at Approval.',
    )
    expect(describeSkipped({ ms: 65 * MIN, what: ['A', 'B', 'C', 'D', 'E'] })).toBe(
      'Skipped 1 virtual hour 5 minutes: A, B, C, D…',
    )
  })

  it('says so when less than a minute passed', () => {
    expect(describeSkipped({ ms: 10_000, what: [] })).toBe('Skipped less than a virtual minute.')
  })
})
