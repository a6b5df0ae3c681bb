/**
 * The program's activity (spec §B.7): every execution of a program, newest first, with the
 * product's name for what it did ("Full Stack Pipeline Execution", "Re-execution", ...).
 *
 * Histories can be long (the benchmark holds 100,000 executions), so the ordered list is built
 * once per engine revision, in one pass over all executions, and each filtered view once per
 * revision too; a request then only slices its page.
 *
 * `seedHistory` appends a long finished history in one go, without running the clock.
 */
import type { EngineContext } from '../context'
import { preconditionFailed } from '../errors'
import type { EngineState, Execution, ExecutionStatus, ExecutionTrigger, Pipeline, PipelinePhase, StepState } from '../model'
import { artifactsVersion } from './calendar'
import { isHumanStep, isProdDeploy, stepLabel } from './common'
import { COPY_ARTIFACTS_MS, DURATION_JITTER, HOUR, MINUTE, PROD_DEPLOY_MS, STEP_DURATION_MS } from './durations'
import { newStepState } from './start'

const CODE_SOURCE_ACTIONS: Readonly<Record<Pipeline['codeSource'], string>> = {
  fullStack: 'Full Stack Pipeline Execution',
  webTierConfig: 'Web Tier Config Pipeline Execution',
  config: 'Config Pipeline Execution',
  frontEnd: 'Front End Pipeline Execution',
}

/** The Activity page's ACTION column for an execution. */
export function activityAction(pipeline: Pick<Pipeline, 'codeSource' | 'nonProdKind'> | undefined, e: Execution): string {
  if (e.isRollback) return 'Rollback Execution'
  if (e.trigger === 'RE_EXECUTE') return 'Re-execution'
  if (e.category === 'prodOnly') return 'Promote Build'
  if (e.trigger === 'PUSH_UPGRADES') return 'Push Update Execution'
  if (e.category === 'nonProduction' && pipeline?.nonProdKind === 'codeQuality') return 'Code Quality Execution'
  return CODE_SOURCE_ACTIONS[pipeline?.codeSource ?? 'fullStack']
}

export interface ActivityFilter {
  pipelineId?: string
  /** Any of these statuses (all when absent or empty). */
  statuses?: readonly ExecutionStatus[]
  /** Any of these triggers (all when absent or empty). */
  triggers?: readonly ExecutionTrigger[]
}

interface ActivityCache {
  revision: number
  executions: readonly Execution[]
  /** Program id → its executions, newest first. */
  byProgram: Map<string, Execution[]>
  /** Filter key → filtered list, newest first. */
  filtered: Map<string, Execution[]>
}

/** At most this many filtered views are kept per revision. */
const MAX_FILTERED_VIEWS = 64
const EMPTY: readonly Execution[] = []
const caches = new WeakMap<EngineState, ActivityCache>()

const newestFirst = (a: Execution, b: Execution): number => b.createdAt - a.createdAt || Number(b.id) - Number(a.id)

/** Groups every execution by program, newest first: one pass, and a sort only if the state is out of order. */
function groupByProgram(executions: readonly Execution[]): Map<string, Execution[]> {
  const byProgram = new Map<string, Execution[]>()
  let ordered = true
  let later = Number.POSITIVE_INFINITY
  for (let i = executions.length - 1; i >= 0; i--) {
    const e = executions[i] as Execution
    if (e.createdAt > later) ordered = false
    later = e.createdAt
    const list = byProgram.get(e.programId)
    if (list) list.push(e)
    else byProgram.set(e.programId, [e])
  }
  // Executions are appended as they start, so the state is ordered unless an import says otherwise.
  if (!ordered) for (const list of byProgram.values()) list.sort(newestFirst)
  return byProgram
}

function cacheOf(ctx: EngineContext): ActivityCache {
  const state = ctx.state
  const cached = caches.get(state)
  if (cached && cached.revision === state.revision && cached.executions === state.executions) return cached
  const fresh: ActivityCache = {
    revision: state.revision,
    executions: state.executions,
    byProgram: groupByProgram(state.executions),
    filtered: new Map(),
  }
  caches.set(state, fresh)
  return fresh
}

function filterKey(programId: string, f: ActivityFilter): string {
  const list = (xs: readonly string[] | undefined) => (xs && xs.length > 0 ? [...xs].sort().join(',') : '*')
  return `${programId}|${f.pipelineId ?? '*'}|${list(f.statuses)}|${list(f.triggers)}`
}

/** A program's executions, newest first, filtered; the same array for the same question until the state changes. */
export function programActivity(ctx: EngineContext, programId: string, filter: ActivityFilter = {}): readonly Execution[] {
  ctx.program(programId)
  const cache = cacheOf(ctx)
  const all = cache.byProgram.get(programId) ?? EMPTY
  const statuses = filter.statuses && filter.statuses.length > 0 ? new Set<string>(filter.statuses) : undefined
  const triggers = filter.triggers && filter.triggers.length > 0 ? new Set<string>(filter.triggers) : undefined
  if (filter.pipelineId === undefined && !statuses && !triggers) return all
  const key = filterKey(programId, filter)
  const hit = cache.filtered.get(key)
  if (hit) return hit
  const out = all.filter(
    (e) =>
      (filter.pipelineId === undefined || e.pipelineId === filter.pipelineId) &&
      (!statuses || statuses.has(e.status)) &&
      (!triggers || triggers.has(e.trigger)),
  )
  if (cache.filtered.size >= MAX_FILTERED_VIEWS) cache.filtered.clear()
  cache.filtered.set(key, out)
  return out
}

// --- a long history, quickly -------------------------------------------------------------

const SEED_USERS = ['3E8367615C0A78710A495EEF@AdobeID', '12EB35385CEED6A70A495ED3@AdobeID', '5A1C9F0E4B7D2E3C0A495F11@AdobeID']

type Outcome = Extract<ExecutionStatus, 'FINISHED' | 'FAILED' | 'ERROR' | 'CANCELLED'>

function stepMs(ctx: EngineContext, step: StepState): number {
  if (isHumanStep(step)) return ctx.random.int(2 * MINUTE, 90 * MINUTE)
  if (step.action === 'build' && step.variant !== undefined) return COPY_ARTIFACTS_MS
  return ctx.random.jitter(isProdDeploy(step) ? PROD_DEPLOY_MS : STEP_DURATION_MS[step.action], DURATION_JITTER)
}

interface Plan {
  pipeline: Pipeline
  outcome: Outcome
  trigger: ExecutionTrigger
}

function planOne(ctx: EngineContext, pipeline: Pipeline): Plan {
  const roll = ctx.random.next()
  const outcome: Outcome = roll < 0.85 ? 'FINISHED' : roll < 0.93 ? 'FAILED' : roll < 0.97 ? 'CANCELLED' : 'ERROR'
  let trigger: ExecutionTrigger = pipeline.trigger === 'ON_COMMIT' && ctx.random.chance(0.7) ? 'ON_COMMIT' : 'MANUAL'
  if (pipeline.category === 'production' && pipeline.codeSource === 'fullStack' && ctx.random.chance(0.02)) {
    trigger = 'PUSH_UPGRADES'
  }
  return { pipeline, outcome, trigger }
}

/** One finished execution of `plan.pipeline` that started at `start`. */
function finishedExecution(ctx: EngineContext, plan: Plan, start: number): Execution {
  const { pipeline, trigger } = plan
  let outcome = plan.outcome
  const id = ctx.newId()
  const build = pipeline.phases.find((p: PipelinePhase) => p.type === 'BUILD')
  const commitId = build?.repositoryId ? ctx.random.hex(40) : undefined
  const steps: StepState[] = []
  for (const phase of pipeline.phases) {
    for (const s of phase.steps) {
      const step = newStepState(ctx, phase, s.id, s.action)
      if ((s.action === 'build' || s.action === 'codeQuality') && commitId) {
        step.repositoryId = build?.repositoryId
        step.branch = build?.branch
        step.commitId = commitId
      }
      if (s.action === 'build' && pipeline.category === 'prodOnly') step.variant = 'artifactPreparation'
      steps.push(step)
    }
  }
  // Where it stops: a failing, erroring or cancelled run ends at a random step.
  const stopAt = outcome === 'FINISHED' ? steps.length : ctx.random.int(1, steps.length - 1)
  // People do not fail: a run that stops at an approval, a schedule or CSE Support was rejected (cancelled).
  const stopStep = steps[stopAt]
  if (stopStep && isHumanStep(stopStep)) outcome = 'CANCELLED'
  let t = start
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as StepState
    if (i > stopAt) {
      step.updatedAt = start
      continue
    }
    const ms = stepMs(ctx, step)
    step.startedAt = t
    if (i === stopAt) {
      step.status = outcome as StepState['status']
      step.resultMessage =
        outcome === 'CANCELLED'
          ? `${stepLabel(step)} was cancelled.`
          : `${stepLabel(step)} ${outcome === 'ERROR' ? 'ended with an error' : 'failed'}.`
      t += Math.floor(ms / 2)
    } else {
      step.status = 'FINISHED'
      t += ms
    }
    step.plannedMs = ms
    step.finishedAt = t
    step.updatedAt = t
  }
  const failed = outcome === 'FINISHED' ? undefined : (steps[stopAt] as StepState).resultMessage
  return {
    id,
    programId: pipeline.programId,
    pipelineId: pipeline.id,
    category: pipeline.category,
    artifactsVersion: artifactsVersion(start, id),
    user: trigger === 'MANUAL' ? (ctx.random.pick(SEED_USERS) as string) : '',
    status: outcome,
    trigger,
    mode: 'NORMAL',
    createdAt: start,
    updatedAt: t,
    finishedAt: t,
    ...(build?.repositoryId ? { repositoryId: build.repositoryId, branch: build.branch, commitId, builtByExecutionId: id } : {}),
    ...(failed ? { failureReason: failed } : {}),
    steps,
  }
}

/**
 * Adds `count` finished executions of the program's pipelines (round robin), one after the other
 * and all before the oldest execution in the state, so the history stays in time order. Runs no
 * clock and emits no events. Returns the new executions, oldest first.
 */
export function seedHistory(ctx: EngineContext, programId: string, count: number): Execution[] {
  const program = ctx.program(programId)
  const pipelines = ctx.pipelinesOf(programId)
  if (pipelines.length === 0) throw preconditionFailed(`"${program.name}" has no pipelines to give a history.`)
  if (!Number.isInteger(count) || count < 0) throw preconditionFailed('The number of executions must be a whole number.')
  if (count === 0) return []
  const existing = ctx.state.executions
  let oldest = ctx.now
  for (const e of existing) if (e.createdAt < oldest) oldest = e.createdAt
  // Plan backwards from the oldest execution: a gap, then each run's start, newest plan first.
  const plans: Plan[] = []
  for (let i = 0; i < count; i++) plans.push(planOne(ctx, pipelines[i % pipelines.length] as Pipeline))
  const span = 4 * HOUR // room for the longest run, approvals included
  const starts: number[] = []
  let cursor = oldest - span
  for (let i = 0; i < count; i++) {
    cursor -= span + ctx.random.int(0, 8 * HOUR)
    starts.push(cursor)
  }
  starts.reverse()
  const seeded: Execution[] = []
  const idsByPipeline = new Map<string, string[]>()
  const lastByPipeline = new Map<string, Execution>()
  for (let i = 0; i < count; i++) {
    const plan = plans[i] as Plan
    const e = finishedExecution(ctx, plan, starts[i] as number)
    seeded.push(e)
    const ids = idsByPipeline.get(plan.pipeline.id)
    if (ids) ids.push(e.id)
    else idsByPipeline.set(plan.pipeline.id, [e.id])
    lastByPipeline.set(plan.pipeline.id, e)
  }
  for (const pipeline of pipelines) {
    const ids = idsByPipeline.get(pipeline.id)
    if (!ids) continue
    pipeline.executionIds = ids.concat(pipeline.executionIds)
    const last = lastByPipeline.get(pipeline.id)
    if (last && pipeline.lastStartedAt === undefined) {
      pipeline.lastStartedAt = last.createdAt
      pipeline.lastFinishedAt = last.finishedAt
    }
  }
  ctx.state.executions = seeded.concat(existing)
  ctx.reindex()
  ctx.touch()
  return seeded
}
