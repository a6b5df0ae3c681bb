import type { EngineContext } from '../context'
import { addEnvironment, addProgram, addRepository } from './builder'

/**
 * One program, "Fresh Program", with ready dev, stage and prod environments, one repository
 * with `main` and `develop`, and no pipelines. Every step succeeds unless a fault is injected.
 */
export function freshProgram(ctx: EngineContext): void {
  const program = addProgram(ctx, 'Fresh Program')
  addEnvironment(ctx, program, 'fresh-dev', 'dev', { description: 'Development' })
  addEnvironment(ctx, program, 'fresh-stage', 'stage', { description: 'Stage' })
  addEnvironment(ctx, program, 'fresh-prod', 'prod', { description: 'Production' })
  addRepository(ctx, program, 'fresh-repo', ['main', 'develop'])
}
