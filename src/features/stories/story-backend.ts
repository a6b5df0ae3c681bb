/**
 * What a story asks the backend, through the typed client only: reset to its scenario, inject
 * its fault, read whether a step's condition holds, and fast-forward the virtual clock while
 * noting what the audience did not have to sit through.
 */
import { linkHref } from '../../api/hal'
import { request } from '../../api/http'
import { activityHref } from '../../api/resources/activity'
import { PROGRAMS_HREF, programHref } from '../../api/resources/programs'
import { SIM_HREF } from '../../api/resources/sim'
import type { ActivityList, ActivityExecution, Execution, Fault, FaultCreate } from '../../contract/executions'
import type { EnvironmentList, Pipeline, PipelineList, Program, ProgramList, SimClock } from '../../contract/resources'
import { REL } from '../../contract/rels'
import type { AdvanceUntilWaitingResult } from '../../contract/sim-controls'
import { ROLE_LABELS } from '../../app/role-store'
import type { Condition, FastForward, InjectedFault, Story } from './story-model'

/** An execution a condition found, kept under its `save` key for later steps and the summary. */
export interface SavedExecution {
  programId: string
  pipelineId: string
  executionId: string
  pipelineName: string
}

export interface StoryContext {
  programId: string
  /** Executions that existed when the story started: a condition looks only at newer ones. */
  baseline: ReadonlySet<string>
  saved: Record<string, SavedExecution>
}

const DONE_STEP = new Set(['FINISHED', 'FAILED', 'ERROR', 'CANCELLED'])
const ACTIVITY_LIMIT = 100

/** POST /__sim/reset to the story's scenario, then find its program and the executions it starts with. */
export async function startStoryBackend(story: Story): Promise<StoryContext> {
  await request(`${SIM_HREF}/reset`, { method: 'POST', body: { scenario: story.scenario } })
  const program = await findProgram(story.program)
  const executions = await listExecutions(program.id)
  return { programId: program.id, baseline: new Set(executions.map((e) => e.id)), saved: {} }
}

export async function findProgram(name: string): Promise<Program> {
  const list = await request<ProgramList>(PROGRAMS_HREF)
  const found = list._embedded.programs.find((p) => p.name === name)
  if (!found) throw new Error(`There is no program named "${name}".`)
  return request<Program>(linkHref(found, 'self'))
}

export async function listPipelines(programId: string): Promise<Pipeline[]> {
  const program = await request<Program>(programHref(programId))
  return (await request<PipelineList>(linkHref(program, REL.pipelines)))._embedded.pipelines
}

export async function listEnvironments(programId: string) {
  const program = await request<Program>(programHref(programId))
  return (await request<EnvironmentList>(linkHref(program, REL.environments)))._embedded.environments
}

/** The program's executions, newest first (its Activity). */
export async function listExecutions(programId: string): Promise<ActivityExecution[]> {
  return (await request<ActivityList>(activityHref(programId, {}, ACTIVITY_LIMIT)))._embedded.executions
}

async function pipelineNamed(programId: string, name: string): Promise<Pipeline> {
  const pipeline = (await listPipelines(programId)).find((p) => p.name === name)
  if (!pipeline) throw new Error(`Program ${programId} has no pipeline named "${name}".`)
  return pipeline
}

/** POST /__sim/faults: the next matching step of the pipeline fails. */
export async function injectFault(ctx: StoryContext, fault: InjectedFault): Promise<Fault> {
  const pipeline = await pipelineNamed(ctx.programId, fault.pipeline)
  const body: FaultCreate = {
    pipelineId: pipeline.id,
    action: fault.action,
    status: fault.status,
    count: 1,
    ...(fault.environmentType ? { environmentType: fault.environmentType } : {}),
  }
  return request<Fault>(`${SIM_HREF}/faults`, { method: 'POST', body })
}

/** DELETE /__sim/faults: leaves no injected fault behind when a story ends early. */
export const clearFaults = (): Promise<void> => request<void>(`${SIM_HREF}/faults`, { method: 'DELETE' })

export interface Evaluation {
  holds: boolean
  /** The execution the condition found (whether or not it holds yet), with its save key. */
  found?: { key: string; execution: SavedExecution }
}

function matchesExecution(e: Execution, c: Extract<Condition, { execution: unknown }>): boolean {
  if (c.status && !c.status.includes(e.status)) return false
  if (c.step) {
    const { action, environmentType, status } = c.step
    const step = e._embedded.stepStates.find(
      (s) => s.action === action && (environmentType === undefined || s.environmentType === environmentType),
    )
    if (!step || !status.includes(step.status)) return false
  }
  return true
}

const savedOf = (e: ActivityExecution): SavedExecution => ({
  programId: e.programId,
  pipelineId: e.pipelineId,
  executionId: e.id,
  pipelineName: e['x-sim'].pipelineName,
})

/** Whether a step's condition holds now, read through the API. */
export async function evaluate(ctx: StoryContext, condition: Condition): Promise<Evaluation> {
  if ('environment' in condition) {
    const env = (await listEnvironments(ctx.programId)).find((e) => e.name === condition.environment)
    return { holds: env !== undefined && condition.status.includes(env.status) }
  }
  if ('deploysTo' in condition) {
    const [pipelines, environments] = await Promise.all([listPipelines(ctx.programId), listEnvironments(ctx.programId)])
    const env = environments.find((e) => e.name === condition.deploysTo)
    const pipeline = pipelines.find((p) => p.name === condition.pipeline)
    const holds = Boolean(env && pipeline?.phases.some((ph) => ph.type === 'DEPLOY' && ph.environmentId === env.id))
    return { holds }
  }
  const executions = await listExecutions(ctx.programId)
  const which = condition.execution
  let execution: ActivityExecution | undefined
  if ('saved' in which) {
    const saved = ctx.saved[which.saved]
    execution = saved ? executions.find((e) => e.id === saved.executionId) : undefined
  } else {
    execution = executions.find(
      (e) =>
        !ctx.baseline.has(e.id) &&
        e['x-sim'].pipelineName === which.pipeline &&
        (which.trigger === undefined || e.trigger === which.trigger),
    )
  }
  if (!execution) return { holds: false }
  const key = condition.save ?? ('saved' in which ? which.saved : undefined)
  return {
    holds: matchesExecution(execution, condition),
    ...(key ? { found: { key, execution: savedOf(execution) } } : {}),
  }
}

/** What a fast-forward skipped: how much virtual time, and which steps ran meanwhile. */
export interface Skipped {
  ms: number
  what: string[]
}

const stepStatuses = (executions: ActivityExecution[]) =>
  new Map(executions.flatMap((e) => e._embedded.stepStates.map((s) => [`${e.id}/${s.id}`, s.status] as const)))

const readClock = () => request<SimClock>(`${SIM_HREF}/clock`)

async function advance(ms: number): Promise<void> {
  if (ms > 0) await request<SimClock>(`${SIM_HREF}/clock/advance`, { method: 'POST', body: { ms: Math.ceil(ms) } })
}

/** Moves the virtual clock as the step says and tells what it skipped. */
export async function fastForward(ctx: StoryContext, ff: FastForward): Promise<Skipped> {
  const before = await listExecutions(ctx.programId)
  const statuses = stepStatuses(before)
  const started = Date.parse((await readClock()).now)
  const extra: string[] = []
  if (ff.until === 'waiting') {
    await request<AdvanceUntilWaitingResult>(`${SIM_HREF}/clock/advance-until-waiting`, { method: 'POST', body: {} })
  } else if (ff.until === 'timeout') {
    const saved = ctx.saved[ff.execution]
    const execution = before.find((e) => e.id === saved?.executionId)
    const waiting = execution?._embedded.stepStates.find((s) => s.status === 'WAITING' && s['x-sim'].timeoutAt)
    if (!waiting?.['x-sim'].timeoutAt) throw new Error('No step of the execution is waiting for a decision.')
    await advance(Date.parse(waiting['x-sim'].timeoutAt) - started)
    extra.push(`the wait at ${waiting['x-sim'].label}`)
  } else if (ff.until === 'teammate-run') {
    extra.push(...(await teammateRun(ctx, ff)))
  } else {
    const env = (await listEnvironments(ctx.programId)).find((e) => e.name === ff.environment)
    const readyAt = env?.['x-sim']?.request?.readyAt
    if (!env || !readyAt) throw new Error(`"${ff.environment}" is not being provisioned.`)
    await advance(Date.parse(readyAt) - started)
    extra.push(`the provisioning of ${env.name}`)
  }
  const after = await listExecutions(ctx.programId)
  const ran = after.flatMap((e) =>
    e._embedded.stepStates
      .filter((s) => DONE_STEP.has(s.status) && statuses.get(`${e.id}/${s.id}`) !== s.status && s.action !== 'approval')
      .map((s) => s['x-sim'].label),
  )
  const ms = Date.parse((await readClock()).now) - started
  return { ms, what: [...new Set([...ran, ...extra])] }
}

/** Enough rounds for a run with an approval and a scheduled or gated step. */
const TEAMMATE_ROUNDS = 6

/**
 * A teammate's run, made through the API with the teammate's role: start the pipeline, then
 * fast-forward to each decision, approve it, and go on until the run has ended.
 */
async function teammateRun(ctx: StoryContext, ff: Extract<FastForward, { until: 'teammate-run' }>): Promise<string[]> {
  const as = { token: ff.as }
  const pipeline = await pipelineNamed(ctx.programId, ff.pipeline)
  let execution = await request<Execution>(linkHref(pipeline, REL.execution), { method: 'PUT', ...as })
  const approved: string[] = []
  for (let round = 0; round < TEAMMATE_ROUNDS && execution.status === 'RUNNING'; round++) {
    await request<AdvanceUntilWaitingResult>(`${SIM_HREF}/clock/advance-until-waiting`, { method: 'POST', body: {} })
    execution = await request<Execution>(linkHref(execution, 'self'), as)
    const approval = execution._embedded.stepStates.find((s) => s.status === 'WAITING' && s.action === 'approval')
    if (!approval) continue
    await request<void>(linkHref(approval, REL.advance), { method: 'PUT', body: { approved: true }, ...as })
    approved.push(`the approval of ${ff.pipeline} by a ${ROLE_LABELS[ff.as]}`)
  }
  if (execution.status !== 'FINISHED') {
    throw new Error(`The teammate's run of "${ff.pipeline}" ended as ${execution.status}, not FINISHED.`)
  }
  return approved
}

const UNITS: Array<[number, string]> = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
]

/** "Skipped 47 virtual minutes: Validation, Build & Unit Testing, Code Scanning…" */
export function describeSkipped({ ms, what }: Skipped): string {
  let rest = ms
  const parts: string[] = []
  for (const [size, unit] of UNITS) {
    const n = Math.floor(rest / size)
    if (n > 0 && parts.length < 2) parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`)
    rest -= n * size
  }
  const time = parts.length === 0 ? 'less than a virtual minute' : `${parts.join(' ')}`.replace(/^(\d+) /, '$1 virtual ')
  const shown = what.slice(0, 4).join(', ')
  return `Skipped ${time}${shown ? `: ${shown}${what.length > 4 ? '…' : '.'}` : '.'}`
}
