import type { EngineContext } from '../context'
import type { Program } from '../model'
import { addEnvironment, addProgram, addRepository } from './builder'

/** An AMS program as `ams-program` and the demo have it: Sites and Assets licensed, Emergency Mode on. */
export function addAmsProgram(ctx: EngineContext, name: string, prefix: string): Program {
  const program = addProgram(ctx, name, {
    type: 'aem_managed_services',
    emergencyModeEnabled: true,
    solutions: ['sites', 'assets'],
    kpis: { responseTimeMs95: 1000, pageViewsPerMinute: 200 },
  })
  addEnvironment(ctx, program, `${prefix}-dev`, 'dev', { description: 'Development' })
  addEnvironment(ctx, program, `${prefix}-stage`, 'stage', { description: 'Stage', publishPairs: 2 })
  addEnvironment(ctx, program, `${prefix}-prod`, 'prod', { description: 'Production', publishPairs: 2 })
  addRepository(ctx, program, `${prefix}-repo`, ['main', 'develop'])
  return program
}

/**
 * One Managed Services program, "AMS Program" (type `aem_managed_services`, Emergency Mode
 * enabled), with ready environments ams-dev, ams-stage and ams-prod, one repository ams-repo
 * with `main` and `develop`, and no pipelines. Every step succeeds unless a fault is injected.
 */
export function amsProgram(ctx: EngineContext): void {
  addAmsProgram(ctx, 'AMS Program', 'ams')
}
