/**
 * [AMS] Emergency Mode per program (spec §D.11: "enabled per program by a CSE (program flag)").
 * Only a Customer Success Engineer turns it on or off, and only on Managed Services programs:
 * Cloud Service has no Emergency Mode. Runs already started keep their mode; the flag decides
 * only whether the next run may start in EMERGENCY.
 */
import type { EngineContext } from './context'
import { ALLOWED, enforce, invalid, refuse, type Verdict } from './errors'
import { flavourOf } from './flavour'
import type { Actor, Program } from './model'
import { permits } from './permissions'

export function canSetEmergencyMode(ctx: EngineContext, actor: Actor, programId: string): Verdict {
  const role = permits(actor, 'setEmergencyMode')
  if (!role.ok) return role
  if (flavourOf(ctx, programId) !== 'ams') {
    return refuse(
      invalid('Emergency Mode exists on Managed Services (AMS) programs only; this is a Cloud Service program.', [
        { field: 'emergencyModeEnabled', message: 'Cloud Service programs have no Emergency Mode.' },
      ]),
    )
  }
  return ALLOWED
}

/** Turns the program's Emergency Mode on or off; setting what is already set changes nothing. */
export function setEmergencyMode(ctx: EngineContext, actor: Actor, programId: string, enabled: boolean): Program {
  const program = ctx.program(programId)
  enforce(canSetEmergencyMode(ctx, actor, programId))
  if (program.emergencyModeEnabled !== enabled) {
    program.emergencyModeEnabled = enabled
    program.updatedAt = ctx.now
    ctx.touch()
  }
  return program
}
