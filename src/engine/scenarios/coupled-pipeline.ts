import { SYSTEM_ACTOR } from '../actors'
import type { EngineContext } from '../context'
import { createPipeline, withDefaults } from '../pipelines'
import { freshProgram } from './fresh-program'

/**
 * Fresh Program plus a coupled production pipeline ("Production Pipeline", full stack, on
 * `main`, approval before production, Ask on important failures), idle and ready to run.
 */
export function coupledPipeline(ctx: EngineContext): void {
  freshProgram(ctx)
  const program = ctx.state.programs[0]
  const repo = ctx.state.repositories[0]
  if (!program || !repo) return
  const envs = ctx.environmentsOf(program.id)
  const stage = envs.find((e) => e.type === 'stage')
  const prod = envs.find((e) => e.type === 'prod')
  if (!stage || !prod) return
  createPipeline(
    ctx,
    SYSTEM_ACTOR,
    program.id,
    withDefaults({
      name: 'Production Pipeline',
      category: 'production',
      repositoryId: repo.id,
      branch: 'main',
      environmentIds: [stage.id, prod.id],
      productionOptions: { pauseBeforeProd: true, scheduled: false },
    }),
  )
}
