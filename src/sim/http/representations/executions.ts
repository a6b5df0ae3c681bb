/**
 * Executions, step states, metrics and artifacts as the API returns them. Action links appear
 * only when the engine's guard allows the action for this caller; otherwise `x-sim.blocked`
 * says why (only for actions that apply to the step at all).
 */
import type {
  Artifact,
  ArtifactList,
  Execution,
  ExecutionList,
  PromotableExecutionList,
  Promotion,
  StepDetails,
  StepState,
} from '../../../contract/executions'
import type { Blocked } from '../../../contract/resources'
import { REL } from '../../../contract/rels'
import type { Engine } from '../../../engine/engine'
import type { Verdict } from '../../../engine/errors'
import {
  activityCommand,
  canAdvance,
  canCancel,
  canPromote,
  canReExecute,
  EMERGENCY_SKIPPED,
  executionRollbackRisk,
  hasLog,
  hasMetrics,
  isProdDeploy,
  latestPromotable,
  phaseGroupOf,
  phaseGroups,
  prodOnlyPipelineOf,
  rollbackRisk,
  stepLabel,
  waitingFor,
} from '../../../engine/executions'
import { promotionsOf } from '../../../engine/executions/promotions'
import { type Flavour, flavourOf } from '../../../engine/flavour'
import type { Actor, Execution as ExecutionModel, StepAction, StepState as StepModel } from '../../../engine/model'
import { iso, isoRequired } from '../route'
import { links, paths } from './links'

const blockedReason = (v: Verdict): Blocked | undefined => (v.ok ? undefined : { code: v.error.kind, reason: v.error.message })

export const stepPath = (e: ExecutionModel, s: StepModel) => paths.step(e.programId, e.pipelineId, e.id, s.phaseId, s.stepId)

function details(engine: Engine, s: StepModel, flavour: Flavour): StepDetails {
  const out: StepDetails = {}
  const env = s.environmentId ? engine.ctx.findEnvironment(s.environmentId) : undefined
  // Approvals show the stage console links (spec §D.2: Link to AEM Author / Link to AEM Publish).
  if ((s.action === 'deploy' || s.action === 'approval') && env) {
    out.environmentUrls =
      flavour === 'ams'
        ? [
            { instanceType: 'author', instanceUrl: `https://${env.name}-author.adobecqms.net` },
            { instanceType: 'publish', instanceUrl: `https://${env.name}-publish.adobecqms.net` },
          ]
        : [
            { instanceType: 'author', instanceUrl: `https://author-p${env.programId}-e${env.id}.adobeaemcloud.com` },
            { instanceType: 'publish', instanceUrl: `https://publish-p${env.programId}-e${env.id}.adobeaemcloud.com` },
          ]
  }
  if (s.activities) {
    out.deployCommands = JSON.stringify(
      s.activities.map((a) => ({ id: a.id, ...(a.command ?? activityCommand(a.id)), description: a.description })),
    )
    // Swagger types the id as a string (it points into deployCommands).
    if (s.currentActivityId !== undefined) out.currentDeployCommandId = String(s.currentActivityId)
    out.deploymentStepDescription = JSON.stringify(
      s.activities
        .filter((a) => a.status === 'FINISHED' || a.status === 'FAILED')
        .map((a) => ({ id: a.id, ...(a.command ?? activityCommand(a.id)), status: a.status, updated: iso(a.finishedAt) })),
    )
  }
  if (s.input) out.input = s.input
  return out
}

/** [AMS] The deploy step's options as configured on the pipeline, for the environment it deploys to. */
function deployOptions(engine: Engine, e: ExecutionModel, s: StepModel): StepState['x-sim']['deployOptions'] {
  const pipeline = engine.ctx.findPipeline(e.pipelineId)
  const env = s.environmentType
  if (!pipeline || (env !== 'dev' && env !== 'stage' && env !== 'prod')) return undefined
  return { skipDetachingDispatchers: pipeline.skipDetachingDispatchers, dispatcherPaths: pipeline.dispatcherPaths[env] }
}

export function stepState(engine: Engine, actor: Actor, e: ExecutionModel, s: StepModel): StepState {
  const ctx = engine.ctx
  const flavour = flavourOf(ctx, e.programId)
  const ams = flavour === 'ams'
  const cse = s.action === 'managed' ? (ctx.findPipeline(e.pipelineId)?.productionOptions.cseOversight ?? undefined) : undefined
  const self = stepPath(e, s)
  const env = s.environmentId ? ctx.findEnvironment(s.environmentId) : undefined
  const repo = s.repositoryId ? ctx.findRepository(s.repositoryId) : undefined
  const blocked: Record<string, Blocked> = {}
  const active = e.status === 'RUNNING' && (s.status === 'RUNNING' || s.status === 'WAITING')
  let advance = false
  let cancel = false
  if (active) {
    if (s.status === 'WAITING') {
      const v = canAdvance(ctx, actor, e, s)
      advance = v.ok
      const b = blockedReason(v)
      if (b) blocked.advance = b
    }
    const c = canCancel(ctx, actor, e, s)
    cancel = c.ok
    const b = blockedReason(c)
    if (b) blocked.cancel = b
  }
  let reExecute = false
  if (isProdDeploy(s) && s.status !== 'NOT_STARTED' && s.status !== 'RUNNING' && s.status !== 'WAITING') {
    const v = canReExecute(ctx, actor, e)
    reExecute = v.ok
    const b = blockedReason(v)
    if (b) blocked.reExecute = b
  }
  return {
    id: s.id,
    stepId: s.stepId,
    phaseId: s.phaseId,
    executionId: e.id,
    pipelineId: e.pipelineId,
    programId: e.programId,
    action: s.action,
    status: s.status,
    ...(s.startedAt !== undefined ? { startedAt: isoRequired(s.startedAt) } : {}),
    ...(s.finishedAt !== undefined ? { finishedAt: isoRequired(s.finishedAt) } : {}),
    updatedAt: isoRequired(s.updatedAt),
    ...(repo ? { repository: repo.name, branch: s.branch } : {}),
    ...(s.commitId ? { commitId: s.commitId } : {}),
    ...(env ? { environment: env.name, environmentId: env.id, environmentType: env.type } : {}),
    details: details(engine, s, flavour),
    'x-sim': {
      label: stepLabel(s, flavour),
      ...(s.variant ? { variant: s.variant } : {}),
      ...(s.resultMessage ? { resultMessage: s.resultMessage } : {}),
      ...(s.timeoutAt !== undefined && s.status === 'WAITING' ? { timeoutAt: isoRequired(s.timeoutAt) } : {}),
      ...(s.scheduledFor !== undefined ? { scheduledFor: isoRequired(s.scheduledFor) } : {}),
      ...(s.plannedMs !== undefined ? { plannedDurationMs: s.plannedMs } : {}),
      ...(s.activities
        ? {
            activities: s.activities.map((a) => ({
              id: a.id,
              description: a.description,
              status: a.status,
              ...(a.finishedAt !== undefined ? { finishedAt: isoRequired(a.finishedAt) } : {}),
            })),
          }
        : {}),
      ...(ams && s.action === 'deploy' ? { deployOptions: deployOptions(engine, e, s) } : {}),
      ...(cse ? { cse } : {}),
      ...(s.testAssets ? { testAssets: s.testAssets.map((f) => ({ ...f })) } : {}),
      ...(s.status === 'WAITING' && e.status === 'RUNNING' ? { waitingFor: waitingFor(flavour, s, cse) } : {}),
      ...(ams ? { group: phaseGroupOf(e, s) } : {}),
      blocked,
    },
    _links: links([
      ['self', self],
      [REL.stepLogs, `${self}/logs`, hasLog(s)],
      [REL.stepMetrics, `${self}/metrics`, hasMetrics(s)],
      // (sim) Where the step's files are listed (the Swagger path …/step/{stepId}/artifacts).
      [REL.stepArtifacts, `${self}/artifacts`, ARTIFACT_KINDS.some((k) => k.when(s))],
      [REL.advance, `${self}/advance`, advance],
      [REL.cancel, `${self}/cancel`, cancel],
      [REL.reExecute, `${paths.execution(e.programId, e.pipelineId)}?stepId=${s.stepId}`, reExecute],
    ]),
  }
}

/** The steps the pipeline has that an emergency run skipped. */
function skippedActions(engine: Engine, e: ExecutionModel): StepAction[] {
  const pipeline = engine.ctx.findPipeline(e.pipelineId)
  const actions = pipeline?.phases.flatMap((ph) => ph.steps.map((s) => s.action)) ?? []
  return actions.filter((a) => EMERGENCY_SKIPPED.has(a) && !e.steps.some((s) => s.action === a))
}

const promotionOf = (p: ExecutionModel): Promotion => ({
  executionId: p.id,
  pipelineId: p.pipelineId,
  status: p.status,
  createdAt: isoRequired(p.createdAt),
  href: paths.executionById(p.programId, p.pipelineId, p.id),
})

export function execution(engine: Engine, actor: Actor, e: ExecutionModel): Execution {
  const ctx = engine.ctx
  const flavour = flavourOf(ctx, e.programId)
  const pipeline = ctx.findPipeline(e.pipelineId)
  const risk = executionRollbackRisk(ctx, e)
  let canPromoteInfo: Execution['x-sim']['canPromote']
  if (e.category === 'stageOnly') {
    const v = canPromote(ctx, actor, e)
    const prodOnly = prodOnlyPipelineOf(ctx, e.programId)
    const candidateRisk = e.status === 'FINISHED' ? rollbackRisk(ctx, e.programId, e.artifactsVersion, ctx.now) : undefined
    canPromoteInfo = {
      allowed: v.ok,
      ...(v.ok ? {} : { reason: v.error.message }),
      ...(prodOnly ? { prodOnlyPipelineId: prodOnly.id } : {}),
      ...(candidateRisk ? { rollbackRisk: candidateRisk } : {}),
    }
  }
  return {
    id: e.id,
    programId: e.programId,
    pipelineId: e.pipelineId,
    artifactsVersion: e.artifactsVersion,
    user: e.user,
    status: e.status,
    trigger: e.trigger,
    pipelineExecutionMode: e.mode,
    pipelineType: 'CI_CD',
    createdAt: isoRequired(e.createdAt),
    updatedAt: isoRequired(e.updatedAt),
    ...(e.finishedAt !== undefined ? { finishedAt: isoRequired(e.finishedAt) } : {}),
    _embedded: { stepStates: e.steps.map((s) => stepState(engine, actor, e, s)) },
    'x-sim': {
      pipelineName: pipeline?.name ?? '',
      category: e.category,
      flavour,
      ...(flavour === 'ams' ? { phaseGroups: phaseGroups(e) } : {}),
      ...(flavour === 'ams' && e.mode === 'EMERGENCY' ? { skippedActions: skippedActions(engine, e) } : {}),
      ...(e.sourceExecutionId ? { sourceExecutionId: e.sourceExecutionId } : {}),
      ...(e.builtByExecutionId ? { builtByExecutionId: e.builtByExecutionId } : {}),
      ...(e.validatedByExecutionId ? { validatedByExecutionId: e.validatedByExecutionId } : {}),
      ...(e.reExecutedFromStepId ? { reExecutedFromStepId: e.reExecutedFromStepId } : {}),
      ...(e.isRollback ? { isRollback: true } : {}),
      ...(e.failureReason ? { failureReason: e.failureReason } : {}),
      ...(risk ? { rollbackRisk: risk } : {}),
      ...(canPromoteInfo ? { canPromote: canPromoteInfo } : {}),
      ...(e.category === 'stageOnly' ? { promotions: promotionsOf(ctx, e).map(promotionOf) } : {}),
    },
    _links: links([
      ['self', paths.executionById(e.programId, e.pipelineId, e.id)],
      [REL.program, paths.program(e.programId)],
      [REL.pipeline, paths.pipeline(e.programId, e.pipelineId)],
    ]),
  }
}

export function executionList(
  engine: Engine,
  actor: Actor,
  programId: string,
  pipelineId: string,
  newestFirst: readonly ExecutionModel[],
  start: number,
  limit: number,
): ExecutionList {
  const page = newestFirst.slice(start, start + limit)
  const base = paths.executions(programId, pipelineId)
  const hasNext = start + limit < newestFirst.length
  const hasPrev = start > 0
  const prev = Math.max(0, start - limit)
  return {
    _totalNumberOfItems: newestFirst.length,
    _page: { start, limit, ...(hasNext ? { next: start + limit } : {}), ...(hasPrev ? { prev } : {}) },
    _embedded: { executions: page.map((e) => execution(engine, actor, e)) },
    _links: links([
      ['self', `${base}?start=${start}&limit=${limit}`],
      ['next', `${base}?start=${start + limit}&limit=${limit}`, hasNext],
      ['prev', `${base}?start=${prev}&limit=${limit}`, hasPrev],
    ]),
  }
}

export function promotableList(
  engine: Engine,
  programId: string,
  pipelineId: string,
  list: readonly ExecutionModel[],
): PromotableExecutionList {
  const ctx = engine.ctx
  const latest = latestPromotable(ctx, programId)
  return {
    _totalNumberOfItems: list.length,
    _embedded: {
      executions: list.map((e) => {
        const repo = e.repositoryId ? ctx.findRepository(e.repositoryId) : undefined
        const risk = rollbackRisk(ctx, programId, e.artifactsVersion, ctx.now)
        return {
          id: e.id,
          pipelineId: e.pipelineId,
          artifactsVersion: e.artifactsVersion,
          status: e.status,
          createdAt: isoRequired(e.createdAt),
          ...(e.finishedAt !== undefined ? { finishedAt: isoRequired(e.finishedAt) } : {}),
          ...(e.commitId ? { commitId: e.commitId } : {}),
          ...(repo ? { repository: repo.name, branch: e.branch } : {}),
          latest: latest?.id === e.id,
          ...(risk ? { rollbackRisk: risk } : {}),
          _links: links([['self', paths.executionById(programId, e.pipelineId, e.id)]]),
        }
      }),
    },
    _links: links([
      ['self', `${paths.pipeline(programId, pipelineId)}/promotableExecutions`],
      [REL.execution, paths.execution(programId, pipelineId)],
    ]),
  }
}

/** Artifact ids are the step state id with a two-digit suffix per kind. */
const ARTIFACT_KINDS = [
  {
    suffix: '01',
    type: 'LOG_FILE',
    file: (s: StepModel) => `${s.action}.log`,
    format: 'text/plain',
    when: (s: StepModel) => hasLog(s) && s.startedAt !== undefined,
  },
  {
    suffix: '02',
    type: 'SCAN_ISSUES',
    file: () => 'code-scan-issues.csv',
    format: 'text/csv',
    when: (s: StepModel) => s.action === 'codeQuality' && s.metrics !== undefined,
  },
  {
    suffix: '03',
    type: 'CONTENT_AUDIT_RESULTS',
    file: () => 'experience-audit.json',
    format: 'application/json',
    when: (s: StepModel) => s.action === 'contentAudit' && s.metrics !== undefined,
  },
] as const

export function artifactsOf(e: ExecutionModel, s: StepModel): Artifact[] {
  const self = stepPath(e, s)
  return ARTIFACT_KINDS.filter((k) => k.when(s)).map((k) => ({
    id: `${s.id}${k.suffix}`,
    stepName: s.action,
    type: k.type,
    file: k.file(s),
    format: k.format,
    _links: links([['self', `${self}/artifact/${s.id}${k.suffix}`]]),
  }))
}

export function artifactList(e: ExecutionModel, s: StepModel): ArtifactList {
  const items = artifactsOf(e, s)
  return {
    _totalNumberOfItems: items.length,
    _embedded: { artifacts: items },
    _links: links([['self', `${stepPath(e, s)}/artifacts`]]),
  }
}
