import { SYSTEM_ACTOR } from '../actors'
import type { EngineContext } from '../context'
import { advanceClock, runUntil, startExecution } from '../executions'
import type { Actor } from '../model'
import { createPipeline, withDefaults } from '../pipelines'
import { addEnvironment, addProgram, addRepository } from './builder'

const DAN: Actor = { roles: ['deployment-manager'], userId: 'dan@AdobeID' }

/**
 * "Split Program": stage and prod, a coupled production pipeline (idle, never run), a
 * stage-only pipeline with two successful executions (the older one a day earlier) and a
 * prod-only pipeline ready to promote the newer one.
 */
export function splitPipelines(ctx: EngineContext): void {
  const program = addProgram(ctx, 'Split Program')
  const stage = addEnvironment(ctx, program, 'split-stage', 'stage', { description: 'Stage' })
  const prod = addEnvironment(ctx, program, 'split-prod', 'prod', { description: 'Production' })
  const repo = addRepository(ctx, program, 'split-repo', ['main', 'develop'])
  const source = { repositoryId: repo.id, branch: 'main' }
  const create = (config: Parameters<typeof withDefaults>[0]) =>
    createPipeline(ctx, SYSTEM_ACTOR, program.id, withDefaults(config))
  create({
    name: 'Production Pipeline',
    category: 'production',
    ...source,
    environmentIds: [stage.id, prod.id],
    productionOptions: { pauseBeforeProd: true, scheduled: false },
  })
  const stageOnly = create({ name: 'Stage Only pipeline', category: 'stageOnly', ...source, environmentIds: [stage.id] })
  create({
    name: 'Prod Only Pipeline',
    category: 'prodOnly',
    environmentIds: [prod.id],
    productionOptions: { pauseBeforeProd: false, scheduled: false },
  })

  for (let i = 0; i < 2; i++) {
    const branch = repo.branches[0]
    if (branch) branch.commits.push(ctx.random.hex(40))
    const execution = startExecution(ctx, DAN, program.id, stageOnly.id)
    runUntil(ctx, () => execution.status !== 'RUNNING')
    advanceClock(ctx, ctx.now + 24 * 3_600_000)
  }
}
