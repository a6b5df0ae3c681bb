/**
 * [AMS] Emergency Mode is enabled per program by a Customer Success Engineer (spec §D.11).
 */
import { describe, expect, it } from 'vitest'
import { canSetEmergencyMode, setEmergencyMode } from './emergency-mode'
import { amsFixture, CSE } from './executions/ams-fixtures'
import { BO, DEV, DM, freshFixture, PM, refusal } from './executions/fixtures'
import { startExecution } from './executions/start'
import type { Actor } from './model'

const ADMIN: Actor = { roles: ['business-owner', 'deployment-manager', 'program-manager', 'developer'], userId: 'admin' }

describe('Emergency Mode per program', () => {
  it('a CSE turns it off and on for an AMS program, and the next EMERGENCY start follows the flag', () => {
    const f = amsFixture()
    const ctx = f.engine.ctx
    const p = f.coupled()
    setEmergencyMode(ctx, CSE, f.programId, false)
    expect(f.program.emergencyModeEnabled).toBe(false)
    const refused = refusal(() => startExecution(ctx, DM, f.programId, p.id, { mode: 'EMERGENCY' }))
    expect(refused.fieldErrors.map((e) => e.field)).toEqual(['pipelineExecutionMode'])
    setEmergencyMode(ctx, CSE, f.programId, true)
    expect(f.program.emergencyModeEnabled).toBe(true)
    expect(startExecution(ctx, DM, f.programId, p.id, { mode: 'EMERGENCY' }).mode).toBe('EMERGENCY')
  })

  it('a run that started in EMERGENCY keeps its mode when the flag is turned off', () => {
    const f = amsFixture()
    const e = startExecution(f.engine.ctx, DM, f.programId, f.coupled().id, { mode: 'EMERGENCY' })
    setEmergencyMode(f.engine.ctx, CSE, f.programId, false)
    expect(e.mode).toBe('EMERGENCY')
    expect(e.steps.some((s) => s.action === 'securityTest')).toBe(false)
  })

  it('only a Customer Success Engineer may change it: every other role, and admin, is refused and nothing changes', () => {
    const f = amsFixture()
    for (const actor of [BO, DM, PM, DEV, ADMIN]) {
      expect(canSetEmergencyMode(f.engine.ctx, actor, f.programId).ok).toBe(false)
      const error = refusal(() => setEmergencyMode(f.engine.ctx, actor, f.programId, false))
      expect(error.kind).toBe('forbidden')
      expect(error.message).toBe(
        "You don't have permission to turn Emergency Mode on or off: this needs Customer Success Engineer.",
      )
    }
    expect(f.program.emergencyModeEnabled).toBe(true)
    expect(canSetEmergencyMode(f.engine.ctx, CSE, f.programId).ok).toBe(true)
  })

  it('is refused on a Cloud Service program, even for a CSE, with a field error on emergencyModeEnabled', () => {
    const f = freshFixture()
    const error = refusal(() => setEmergencyMode(f.engine.ctx, CSE, f.programId, true))
    expect(error.kind).toBe('invalid')
    expect(error.fieldErrors.map((e) => e.field)).toEqual(['emergencyModeEnabled'])
    expect(f.engine.ctx.program(f.programId).emergencyModeEnabled).toBe(false)
  })

  it('setting what is already set changes nothing', () => {
    const f = amsFixture()
    const before = f.engine.ctx.state.revision
    const updatedAt = f.program.updatedAt
    setEmergencyMode(f.engine.ctx, CSE, f.programId, true)
    expect(f.engine.ctx.state.revision).toBe(before)
    expect(f.program.updatedAt).toBe(updatedAt)
  })

  it('an unknown program is not found, before any permission check', () => {
    const f = amsFixture()
    expect(refusal(() => setEmergencyMode(f.engine.ctx, BO, '999', true)).kind).toBe('not-found')
  })
})
