/**
 * Test fixtures for execution rules: a Fresh Program with the pipelines a test asks for, the
 * usual actors, and helpers to run executions on the virtual clock.
 */
import { SYSTEM_ACTOR } from '../actors'
import { DomainError } from '../errors'
import { Engine } from '../engine'
import { advanceClock, runUntil } from '../executions'
import type { Actor, Execution, Pipeline, StepState } from '../model'
import { createPipeline, type PipelineInput, withDefaults } from '../pipelines'

export const BO: Actor = { roles: ['business-owner'], userId: 'bea@AdobeID' }
export const DM: Actor = { roles: ['deployment-manager'], userId: 'dan@AdobeID' }
export const PM: Actor = { roles: ['program-manager'], userId: 'pam@AdobeID' }
export const DEV: Actor = { roles: ['developer'], userId: 'dev@AdobeID' }

export interface Fixture {
  engine: Engine
  programId: string
  stageId: string
  prodId: string
  devId: string
  repoId: string
  add: (config: PipelineInput) => Pipeline
  coupled: (options?: Partial<PipelineInput>) => Pipeline
  stageOnly: (options?: Partial<PipelineInput>) => Pipeline
  prodOnly: (options?: Partial<PipelineInput>) => Pipeline
}

export function freshFixture(seed = 1): Fixture {
  const engine = Engine.create('fresh-program', seed)
  const ctx = engine.ctx
  const program = ctx.state.programs[0]!
  const envs = ctx.environmentsOf(program.id)
  const stageId = envs.find((e) => e.type === 'stage')!.id
  const prodId = envs.find((e) => e.type === 'prod')!.id
  const devId = envs.find((e) => e.type === 'dev')!.id
  const repoId = ctx.state.repositories[0]!.id
  const add: Fixture['add'] = (config) => createPipeline(ctx, SYSTEM_ACTOR, program.id, withDefaults(config))
  return {
    engine,
    programId: program.id,
    stageId,
    prodId,
    devId,
    repoId,
    add,
    coupled: (o = {}) =>
      add({
        name: 'Production Pipeline',
        category: 'production',
        repositoryId: repoId,
        branch: 'main',
        environmentIds: [stageId, prodId],
        ...o,
      }),
    stageOnly: (o = {}) =>
      add({ name: 'Stage Only', category: 'stageOnly', repositoryId: repoId, branch: 'main', environmentIds: [stageId], ...o }),
    prodOnly: (o = {}) => add({ name: 'Prod Only', category: 'prodOnly', environmentIds: [prodId], ...o }),
  }
}

/** Runs the clock until the execution waits or ends. */
export function settle(engine: Engine, execution: Execution): StepState | undefined {
  runUntil(
    engine.ctx,
    () => execution.status !== 'RUNNING' || execution.steps.some((s) => s.status === 'WAITING'),
    engine.now + 365 * 86_400_000,
  )
  return execution.steps.find((s) => s.status === 'WAITING')
}

export function advanceBy(engine: Engine, ms: number): void {
  advanceClock(engine.ctx, engine.now + ms)
}

export const refOf = (e: Execution, s: StepState) => ({
  programId: e.programId,
  pipelineId: e.pipelineId,
  executionId: e.id,
  phaseId: s.phaseId,
  stepId: s.stepId,
})

export const step = (e: Execution, action: StepState['action'], environmentType?: string): StepState =>
  e.steps.find((s) => s.action === action && (environmentType === undefined || s.environmentType === environmentType))!

/** Runs `fn` and returns the DomainError it is refused with; anything else thrown is rethrown. */
export function refusal(fn: () => unknown): DomainError {
  try {
    fn()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected the call to be refused with a DomainError, but nothing was thrown')
}
