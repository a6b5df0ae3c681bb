/**
 * The engine facade: one simulated Cloud Manager backend. Commands change state and throw
 * `DomainError`s; queries return the live model objects (callers must not mutate them);
 * guards say whether an action is possible and why not.
 */
import { createClockState } from './clock'
import { EngineContext } from './context'
import {
  type AdditionalStageRequestInput,
  canCreateEnvironment,
  environmentTypeProblem,
  canDeleteEnvironment,
  canRequestAdditionalStage,
  createEnvironment,
  deleteEnvironment,
  type NewEnvironmentInput,
  requestAdditionalStage,
} from './environments'
import { ALLOWED, invalid, refuse, type Verdict } from './errors'
import { canCancelCurrent, canStart, environmentLock, onTimer } from './executions'
import type { Actor, EngineState, TimerPayload } from './model'
import {
  type AddPipelineKind,
  canAddPipeline,
  canDeletePipeline,
  canEditPipeline,
  createPipeline,
  deletePipeline,
  type PipelineInput,
  updatePipeline,
  withDefaults,
} from './pipelines'
import { flavourOf } from './flavour'
import { createRandomState } from './random'
import { SCENARIO_EPOCH } from './scenarios/builder'
import { SCENARIOS, type ScenarioName } from './scenarios/index'
import { CURRENT_STATE_VERSION } from './saved-state'
import {
  canEditEnvironmentVariables,
  canEditPipelineVariables,
  patchEnvironmentVariables,
  patchPipelineVariables,
  type VariableUpdate,
} from './variables'

export const DEFAULT_SEED = 1

export interface EnvironmentLock {
  pipelineId: string
  pipelineName: string
  executionId: string
  reason: string
}

export type ChangeListener = (revision: number) => void

export class Engine {
  readonly ctx: EngineContext
  private readonly listeners = new Set<ChangeListener>()

  constructor(state: EngineState) {
    this.ctx = new EngineContext(state)
  }

  static create(scenario: ScenarioName = 'demo', seed: number = DEFAULT_SEED): Engine {
    const engine = new Engine(emptyState(scenario, seed))
    SCENARIOS[scenario].build(engine.ctx)
    return engine
  }

  get state(): EngineState {
    return this.ctx.state
  }

  get now(): number {
    return this.ctx.now
  }

  get revision(): number {
    return this.ctx.state.revision
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Runs `change` and tells listeners if it changed anything. */
  mutate<T>(change: () => T): T {
    const before = this.ctx.state.revision
    try {
      return change()
    } finally {
      if (this.ctx.state.revision !== before) for (const l of this.listeners) l(this.ctx.state.revision)
    }
  }

  // --- time -------------------------------------------------------------------------------

  advanceTo(target: number): number {
    return this.mutate(() => {
      const fired = this.ctx.clock.advanceTo(target, (payload: TimerPayload) => onTimer(this.ctx, payload))
      if (fired > 0) this.ctx.touch()
      return fired
    })
  }

  advanceBy(ms: number): number {
    return this.advanceTo(this.ctx.now + ms)
  }

  /** The virtual time of the next thing due, if anything is. */
  nextDeadline(): number | undefined {
    return this.ctx.clock.nextDeadline()
  }

  // --- snapshots --------------------------------------------------------------------------

  /** The whole state as JSON text; importing it gives an engine that exports the same text. */
  exportState(): string {
    return JSON.stringify(this.ctx.state)
  }

  // --- programs, environments, repositories --------------------------------------------------

  listPrograms() {
    return this.ctx.state.programs
  }

  program(programId: string) {
    return this.ctx.program(programId)
  }

  environments(programId: string) {
    this.ctx.program(programId)
    return this.ctx.environmentsOf(programId)
  }

  environment(programId: string, environmentId: string) {
    return this.ctx.environment(programId, environmentId)
  }

  /** Why an environment cannot be changed right now, if a pipeline holds it. */
  environmentLock(environmentId: string): EnvironmentLock | undefined {
    return environmentLock(this.ctx, environmentId)
  }

  // --- environment changes and variables (environments.ts, variables.ts) ---------------------

  canCreateEnvironment(actor: Actor, programId: string): Verdict {
    this.ctx.program(programId)
    return canCreateEnvironment(actor)
  }

  /** Whether an environment of `type` may be added to the program (its stage/production pair rules). */
  canAddEnvironmentType(programId: string, type: string): Verdict {
    const problem = environmentTypeProblem(this.ctx, programId, type)
    return problem ? refuse(invalid(problem.message, [problem])) : ALLOWED
  }

  createEnvironment(actor: Actor, programId: string, input: NewEnvironmentInput) {
    return this.mutate(() => createEnvironment(this.ctx, actor, programId, input))
  }

  canDeleteEnvironment(actor: Actor, programId: string, environmentId: string): Verdict {
    const env = this.ctx.environment(programId, environmentId)
    return canDeleteEnvironment(this.ctx, actor, env, this.environmentLock(env.id))
  }

  deleteEnvironment(actor: Actor, programId: string, environmentId: string): void {
    this.mutate(() => deleteEnvironment(this.ctx, actor, programId, environmentId, (id) => this.environmentLock(id)))
  }

  canRequestAdditionalStage(actor: Actor, programId: string): Verdict {
    return canRequestAdditionalStage(this.ctx, actor, programId)
  }

  requestAdditionalStage(actor: Actor, programId: string, input: AdditionalStageRequestInput) {
    return this.mutate(() => requestAdditionalStage(this.ctx, actor, programId, input))
  }

  canEditEnvironmentVariables(actor: Actor, programId: string, environmentId: string): Verdict {
    const env = this.ctx.environment(programId, environmentId)
    return canEditEnvironmentVariables(actor, env, this.environmentLock(env.id))
  }

  patchEnvironmentVariables(actor: Actor, programId: string, environmentId: string, updates: readonly VariableUpdate[]) {
    return this.mutate(() =>
      patchEnvironmentVariables(this.ctx, actor, programId, environmentId, updates, (id) => this.environmentLock(id)),
    )
  }

  canEditPipelineVariables(actor: Actor, programId: string, pipelineId: string): Verdict {
    return canEditPipelineVariables(actor, this.ctx.pipeline(programId, pipelineId))
  }

  patchPipelineVariables(actor: Actor, programId: string, pipelineId: string, updates: readonly VariableUpdate[]) {
    return this.mutate(() => patchPipelineVariables(this.ctx, actor, programId, pipelineId, updates))
  }

  repositories(programId: string) {
    this.ctx.program(programId)
    return this.ctx.repositoriesOf(programId)
  }

  repository(programId: string, repositoryId: string) {
    return this.ctx.repository(programId, repositoryId)
  }

  // --- pipelines ----------------------------------------------------------------------------

  pipelines(programId: string) {
    this.ctx.program(programId)
    return this.ctx.pipelinesOf(programId)
  }

  pipeline(programId: string, pipelineId: string) {
    return this.ctx.pipeline(programId, pipelineId)
  }

  canAddPipeline(actor: Actor, programId: string, kind: AddPipelineKind): Verdict {
    this.ctx.program(programId)
    return canAddPipeline(this.ctx, actor, programId, kind)
  }

  canEditPipeline(actor: Actor, programId: string, pipelineId: string): Verdict {
    return canEditPipeline(actor, this.ctx.pipeline(programId, pipelineId))
  }

  canDeletePipeline(actor: Actor, programId: string, pipelineId: string): Verdict {
    return canDeletePipeline(this.ctx, actor, this.ctx.pipeline(programId, pipelineId))
  }

  /** Every pipeline-level action's verdict for this caller, keyed by action name. */
  pipelineVerdicts(actor: Actor, programId: string, pipelineId: string): Record<string, Verdict> {
    const pipeline = this.ctx.pipeline(programId, pipelineId)
    return {
      edit: canEditPipeline(actor, pipeline),
      delete: canDeletePipeline(this.ctx, actor, pipeline),
      start: canStart(this.ctx, actor, pipeline),
      // Emergency Mode exists on AMS programs only; elsewhere there is nothing to explain.
      ...(flavourOf(this.ctx, programId) === 'ams'
        ? { emergency: canStart(this.ctx, actor, pipeline, { mode: 'EMERGENCY' }) }
        : {}),
      cancel: canCancelCurrent(
        this.ctx,
        actor,
        pipeline.currentExecutionId ? this.ctx.findExecution(pipeline.currentExecutionId) : undefined,
      ),
    }
  }

  createPipeline(actor: Actor, programId: string, input: PipelineInput) {
    return this.mutate(() => createPipeline(this.ctx, actor, programId, withDefaults(input, flavourOf(this.ctx, programId))))
  }

  updatePipeline(actor: Actor, programId: string, pipelineId: string, patch: Partial<PipelineInput>) {
    return this.mutate(() => updatePipeline(this.ctx, actor, programId, pipelineId, patch))
  }

  deletePipeline(actor: Actor, programId: string, pipelineId: string): void {
    this.mutate(() => deletePipeline(this.ctx, actor, programId, pipelineId))
  }
}

export function emptyState(scenario: string, seed: number): EngineState {
  return {
    version: CURRENT_STATE_VERSION,
    scenario,
    clock: createClockState<TimerPayload>(SCENARIO_EPOCH),
    random: createRandomState(seed),
    nextId: 1,
    programs: [],
    environments: [],
    repositories: [],
    pipelines: [],
    executions: [],
    faults: [],
    events: [],
    audit: [],
    revision: 0,
  }
}
