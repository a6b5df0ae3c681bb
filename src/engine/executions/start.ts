/**
 * Starting executions (spec §D.1, §D.12, §E.4–E.5): who may, when a pipeline is blocked, and
 * which step states an execution gets.
 */
import { recordStart } from '../audit'
import type { EngineContext } from '../context'
import { ALLOWED, enforce, invalid, notFound, preconditionFailed, refuse, type Verdict } from '../errors'
import type { Actor, Execution, ExecutionMode, ExecutionTrigger, Pipeline, PipelinePhase, StepAction, StepState } from '../model'
import { flavourOfProgram } from '../flavour'
import { permits } from '../permissions'
import { isCoupled } from '../pipelines'
import { artifactsVersion } from './calendar'
import { beginStep } from './run'
import { latestPromotable } from './sources'

export interface StartOptions {
  mode?: ExecutionMode
  trigger?: ExecutionTrigger
  /** Prod-only: the stage-only execution to promote (default: the latest successful one). */
  sourceExecutionId?: string
}

/** Steps Emergency mode skips (spec §D.3 #9, §D.11): security, performance and experience audit. */
export const EMERGENCY_SKIPPED: ReadonlySet<StepAction> = new Set([
  'securityTest',
  'loadTest',
  'assetsTest',
  'reportPerformanceTest',
  'contentAudit',
])

/** Whether a run of `pipeline` may use Emergency Mode: AMS programs that have it enabled (spec §D.11). */
export function canRunInEmergency(ctx: EngineContext, pipeline: Pipeline): Verdict {
  const program = ctx.program(pipeline.programId)
  if (flavourOfProgram(program) !== 'ams') {
    return refuse(invalid('Emergency Mode is available to AMS programs only; this is a Cloud Service program.'))
  }
  if (!program.emergencyModeEnabled) {
    return refuse(
      invalid(`Emergency Mode is not enabled for "${program.name}"; a Customer Success Engineer enables it per program.`),
    )
  }
  return ALLOWED
}

const isSplit = (p: Pipeline) => p.category === 'stageOnly' || p.category === 'prodOnly'

/** The pipeline that keeps `pipeline` from starting: itself when busy, or its exclusive counterpart. */
export function blockingPipeline(ctx: EngineContext, pipeline: Pipeline): Pipeline | undefined {
  if (pipeline.currentExecutionId) return pipeline
  if (isCoupled(pipeline)) return ctx.pipelinesOf(pipeline.programId).find((p) => isSplit(p) && p.currentExecutionId)
  if (isSplit(pipeline)) return ctx.pipelinesOf(pipeline.programId).find((p) => isCoupled(p) && p.currentExecutionId)
  return undefined
}

/** Whether `pipeline` could start now for this caller, ignoring the choice of a promoted build. */
export function canStartPipeline(ctx: EngineContext, actor: Actor, pipeline: Pipeline): Verdict {
  const role = permits(actor, 'startPipeline')
  if (!role.ok) return role
  const blocker = blockingPipeline(ctx, pipeline)
  if (blocker) {
    const facts = { pipelineId: blocker.id, executionId: blocker.currentExecutionId ?? '' }
    if (blocker === pipeline) {
      return refuse(
        preconditionFailed(
          `Pipeline is busy: "${pipeline.name}" is already running (execution ${blocker.currentExecutionId}).`,
          facts,
        ),
      )
    }
    return refuse(
      preconditionFailed(
        `Pipeline is busy: blocked by running pipeline "${blocker.name}". Stage-only and production only pipelines cannot run while the production pipeline runs, and vice versa.`,
        facts,
      ),
    )
  }
  for (const envId of pipeline.environmentIds) {
    const env = ctx.findEnvironment(envId)
    if (!env)
      return refuse(preconditionFailed(`Environment ${envId} of "${pipeline.name}" no longer exists.`, { environmentId: envId }))
    if (env.status !== 'ready') {
      return refuse(
        preconditionFailed(`Environment "${env.name}" is ${env.status}; the pipeline can run once it is ready.`, {
          environmentId: env.id,
        }),
      )
    }
  }
  const build = pipeline.phases.find((p) => p.type === 'BUILD')
  if (build?.repositoryId) {
    const repo = ctx.findRepository(build.repositoryId)
    const branch = repo?.branches.find((b) => b.name === build.branch)
    if (!branch || branch.commits.length === 0) {
      return refuse(preconditionFailed(`Branch "${build.branch}" of the pipeline's repository does not exist.`))
    }
  }
  return ALLOWED
}

/** `canStartPipeline` plus, for a prod-only pipeline, that there is a build to promote, and the mode. */
export function canStart(ctx: EngineContext, actor: Actor, pipeline: Pipeline, options: StartOptions = {}): Verdict {
  if (options.mode === 'EMERGENCY') {
    const emergency = canRunInEmergency(ctx, pipeline)
    if (!emergency.ok) return emergency
  }
  const verdict = canStartPipeline(ctx, actor, pipeline)
  if (!verdict.ok) return verdict
  if (pipeline.category === 'prodOnly' && options.sourceExecutionId === undefined && !latestPromotable(ctx, pipeline.programId)) {
    return refuse(
      preconditionFailed('There is no successful stage-only execution to promote: run the stage-only pipeline first.'),
    )
  }
  return ALLOWED
}

function resolveSource(ctx: EngineContext, pipeline: Pipeline, sourceExecutionId: string | undefined): Execution | undefined {
  if (pipeline.category !== 'prodOnly') {
    if (sourceExecutionId !== undefined) {
      throw invalid('sourceExecutionId applies to production only pipelines only.', [
        { field: 'sourceExecutionId', message: 'Not a production only pipeline.', invalidValue: sourceExecutionId },
      ])
    }
    return undefined
  }
  if (sourceExecutionId === undefined) return latestPromotable(ctx, pipeline.programId)
  const source = ctx.findExecution(sourceExecutionId)
  if (!source || source.programId !== pipeline.programId) throw notFound('Execution', sourceExecutionId)
  if (source.category !== 'stageOnly' || source.status !== 'FINISHED') {
    throw preconditionFailed(
      `Execution ${source.id} is not a successful stage-only execution, so its build cannot be promoted.`,
      {
        executionId: source.id,
      },
    )
  }
  return source
}

export function newStepState(ctx: EngineContext, phase: PipelinePhase, stepId: string, action: StepAction): StepState {
  return {
    id: ctx.newId(),
    stepId,
    phaseId: phase.id,
    action,
    variant: undefined,
    environmentId: phase.environmentId,
    environmentType: phase.environmentType,
    repositoryId: undefined,
    branch: undefined,
    commitId: undefined,
    status: 'NOT_STARTED',
    startedAt: undefined,
    finishedAt: undefined,
    updatedAt: ctx.now,
  }
}

/** A new RUNNING execution of `pipeline`, registered and with its first step started. */
export function launch(
  ctx: EngineContext,
  pipeline: Pipeline,
  fields: Pick<Execution, 'user' | 'trigger' | 'mode'> & Partial<Execution>,
  makeSteps: (execution: Execution) => StepState[],
): Execution {
  const now = ctx.now
  const id = ctx.newId()
  const execution: Execution = {
    id,
    programId: pipeline.programId,
    pipelineId: pipeline.id,
    category: pipeline.category,
    artifactsVersion: artifactsVersion(now, id),
    status: 'RUNNING',
    createdAt: now,
    updatedAt: now,
    ...fields,
    steps: [],
  }
  execution.steps = makeSteps(execution)
  ctx.addExecution(execution)
  pipeline.currentExecutionId = id
  pipeline.lastStartedAt = now
  pipeline.executionIds.push(id)
  ctx.emit({ type: 'started', programId: execution.programId, pipelineId: pipeline.id, executionId: id, status: 'RUNNING' })
  beginStep(ctx, execution, 0)
  ctx.touch()
  return execution
}

/** An earlier execution of the same kind of pipeline that built this commit, whose artifacts can be reused (§D.13). */
function builderOf(ctx: EngineContext, pipeline: Pipeline, commitId: string): Execution | undefined {
  const all = ctx.state.executions
  for (let i = all.length - 1; i >= 0; i--) {
    const e = all[i] as Execution
    if (e.programId !== pipeline.programId || e.category !== pipeline.category || e.commitId !== commitId) continue
    if (e.builtByExecutionId !== e.id) continue
    if (e.steps.some((s) => s.action === 'build' && s.status === 'FINISHED')) return e
  }
  return undefined
}

export function startExecution(
  ctx: EngineContext,
  actor: Actor,
  programId: string,
  pipelineId: string,
  options: StartOptions = {},
): Execution {
  const pipeline = ctx.pipeline(programId, pipelineId)
  enforce(canStartPipeline(ctx, actor, pipeline))
  const mode = options.mode ?? 'NORMAL'
  if (mode === 'EMERGENCY') {
    const emergency = canRunInEmergency(ctx, pipeline)
    if (!emergency.ok) {
      throw invalid(emergency.error.message, [
        { field: 'pipelineExecutionMode', message: emergency.error.message, invalidValue: mode },
      ])
    }
  }
  const trigger = options.trigger ?? 'MANUAL'
  if (trigger === 'RE_EXECUTE') throw invalid('Re-execute a production deployment through its reExecute link.')
  if (pipeline.category === 'prodOnly' && trigger === 'ON_COMMIT')
    throw invalid('A production only pipeline is always started manually.')
  const source = resolveSource(ctx, pipeline, options.sourceExecutionId)
  if (pipeline.category === 'prodOnly' && !source) {
    throw preconditionFailed('There is no successful stage-only execution to promote: run the stage-only pipeline first.')
  }
  const user = trigger === 'MANUAL' ? actor.userId : ''
  const buildPhase = pipeline.phases.find((p) => p.type === 'BUILD')
  let repositoryId: string | undefined
  let branch: string | undefined
  let commitId: string | undefined
  if (source) {
    repositoryId = source.repositoryId
    branch = source.branch
    commitId = source.commitId
  } else if (buildPhase?.repositoryId) {
    repositoryId = buildPhase.repositoryId
    branch = buildPhase.branch
    const commits = ctx.findRepository(repositoryId)?.branches.find((b) => b.name === branch)?.commits ?? []
    commitId = commits[commits.length - 1]
  }
  const reuse = !source && commitId !== undefined ? builderOf(ctx, pipeline, commitId) : undefined
  const fields: Pick<Execution, 'user' | 'trigger' | 'mode'> & Partial<Execution> = {
    user,
    trigger,
    mode,
    repositoryId,
    branch,
    commitId,
  }
  if (source) {
    fields.artifactsVersion = source.artifactsVersion
    fields.sourceExecutionId = source.id
    fields.builtByExecutionId = source.builtByExecutionId ?? source.id
    fields.validatedByExecutionId = source.id
  } else if (reuse) {
    fields.builtByExecutionId = reuse.id
  }
  const started = launch(ctx, pipeline, fields, (execution) => {
    if (buildPhase?.repositoryId && !reuse && !source) execution.builtByExecutionId = execution.id
    const steps: StepState[] = []
    for (const phase of pipeline.phases) {
      for (const s of phase.steps) {
        if (mode === 'EMERGENCY' && EMERGENCY_SKIPPED.has(s.action)) continue
        const step = newStepState(ctx, phase, s.id, s.action)
        if (s.action === 'build' || s.action === 'codeQuality') {
          step.repositoryId = repositoryId
          step.branch = branch
          step.commitId = commitId
        }
        if (s.action === 'build' && pipeline.category === 'prodOnly') step.variant = 'artifactPreparation'
        steps.push(step)
      }
    }
    return steps
  })
  recordStart(ctx, actor, started)
  return started
}
