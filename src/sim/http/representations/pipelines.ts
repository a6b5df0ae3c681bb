import type { Blocked, Pipeline, PipelineList, PipelineSettings, PipelineStep } from '../../../contract/resources'
import { REL } from '../../../contract/rels'
import { sitesWeights } from '../../../engine/ams-pipelines'
import { amsTestingCategories } from '../../../engine/ams-testing'
import type { Engine } from '../../../engine/engine'
import type { Verdict } from '../../../engine/errors'
import { canRollback, canRunInEmergency, deploysToProduction } from '../../../engine/executions'
import { type Flavour, flavourOf } from '../../../engine/flavour'
import type { Actor, Pipeline as PipelineModel, PipelinePhase as PipelinePhaseModel, StepAction } from '../../../engine/model'
import { permits } from '../../../engine/permissions'
import { configOf } from '../../../engine/pipelines'
import { iso, isoRequired } from '../route'
import { links, paths } from './links'

function blockedBy(verdicts: Record<string, Verdict>): Record<string, Blocked> {
  const out: Record<string, Blocked> = {}
  for (const [action, verdict] of Object.entries(verdicts)) {
    if (!verdict.ok) out[action] = { code: verdict.error.kind, reason: verdict.error.message }
  }
  return out
}

/** [AMS] Whether the pipeline waits on a paused deploy (rather than on a decision at a gate). */
function pausedDeploy(engine: Engine, p: PipelineModel): boolean {
  const current = p.currentExecutionId ? engine.ctx.findExecution(p.currentExecutionId) : undefined
  return current?.steps.some((s) => s.status === 'WAITING' && s.action === 'deploy') ?? false
}

export function pipelineStatus(engine: Engine, p: PipelineModel): Pipeline['status'] {
  if (!p.currentExecutionId) return 'IDLE'
  const current = engine.ctx.findExecution(p.currentExecutionId)
  return current?.steps.some((s) => s.status === 'WAITING') ? 'WAITING' : 'BUSY'
}

type StepOptions = NonNullable<PipelineStep['options']>

/** [AMS] The public step options (Swagger `PipelineStepOptions`) of an AMS pipeline's step. */
function amsStepOptions(p: PipelineModel, phase: PipelinePhaseModel, action: StepAction): StepOptions | undefined {
  switch (action) {
    case 'deploy': {
      const env = phase.environmentType
      const paths = env === 'dev' || env === 'stage' || env === 'prod' ? p.dispatcherPaths[env] : []
      return {
        skipDetachingDispatchers: p.skipDetachingDispatchers,
        dispatcherCacheFlushPaths: paths.filter((d) => d.type === 'FLUSH').map((d) => d.path),
        dispatcherCacheInvalidationPaths: paths.filter((d) => d.type === 'INVALIDATE').map((d) => d.path),
      }
    }
    case 'managed':
      return p.productionOptions.cseOversight ? { cse: p.productionOptions.cseOversight } : undefined
    case 'loadTest':
      return sitesWeights(p.stageTesting.sitesPageSets)
    case 'assetsTest':
      return { imageAssetsWeight: p.stageTesting.assetsSplit.images, pdfAssetsWeight: p.stageTesting.assetsSplit.pdfs }
    default:
      return undefined
  }
}

/** The settings as the flavour shows them: AMS-only options appear on AMS pipelines only, and vice versa. */
function settingsFor(flavour: Flavour, p: PipelineModel): PipelineSettings {
  const {
    name: _name,
    trigger: _trigger,
    approveAfterStageDeployment,
    skipDetachingDispatchers,
    dispatcherPaths,
    productionOptions,
    stageTesting,
    ...common
  } = configOf(p)
  const { sitesPageSets, assetsSplit, assetsTestFiles, ...csTesting } = stageTesting
  if (flavour === 'cs') {
    return {
      ...common,
      productionOptions: { pauseBeforeProd: productionOptions.pauseBeforeProd, scheduled: productionOptions.scheduled },
      stageTesting: csTesting,
    }
  }
  return {
    ...common,
    productionOptions,
    stageTesting: { ...csTesting, sitesPageSets, assetsSplit, assetsTestFiles },
    approveAfterStageDeployment,
    skipDetachingDispatchers,
    dispatcherPaths,
  }
}

function readOnlySettings(actor: Actor): Record<string, Blocked> {
  const out: Record<string, Blocked> = {}
  const approval = permits(actor, 'modifyPipelineApproval')
  if (!approval.ok) out.approval = { code: approval.error.kind, reason: approval.error.message }
  const managed = permits(actor, 'modifyPipelineManagedDeployment')
  if (!managed.ok) out.cseOversight = { code: managed.error.kind, reason: managed.error.message }
  return out
}

export function pipeline(engine: Engine, actor: Actor, p: PipelineModel): Pipeline {
  const verdicts = engine.pipelineVerdicts(actor, p.programId, p.id)
  // Rollback applies to pipelines that deploy to production only (spec §F.4).
  if (deploysToProduction(p)) verdicts.rollback = canRollback(engine.ctx, actor, p)
  const flavour = flavourOf(engine.ctx, p.programId)
  const settings = settingsFor(flavour, p)
  const emergency = canRunInEmergency(engine.ctx, p).ok
  const lastExecutionId = p.executionIds[p.executionIds.length - 1]
  return {
    id: p.id,
    programId: p.programId,
    name: p.name,
    trigger: p.trigger,
    status: pipelineStatus(engine, p),
    type: 'CI_CD',
    createdAt: isoRequired(p.createdAt),
    updatedAt: isoRequired(p.updatedAt),
    ...(p.lastStartedAt !== undefined ? { lastStartedAt: iso(p.lastStartedAt) } : {}),
    ...(p.lastFinishedAt !== undefined ? { lastFinishedAt: iso(p.lastFinishedAt) } : {}),
    phases: p.phases.map((phase) => ({
      name: phase.name,
      type: phase.type,
      ...(phase.repositoryId ? { repositoryId: phase.repositoryId, branch: phase.branch } : {}),
      ...(phase.environmentId ? { environmentId: phase.environmentId, environmentType: phase.environmentType } : {}),
      ...(phase.type === 'DEPLOY'
        ? {
            steps: phase.steps.map((s) => {
              const options = flavour === 'ams' ? amsStepOptions(p, phase, s.action) : undefined
              return options ? { name: s.action, options } : { name: s.action }
            }),
          }
        : {}),
    })),
    'x-sim': {
      ...settings,
      favorite: p.favoriteOf.some((r) => actor.roles.includes(r)),
      ...(p.currentExecutionId ? { currentExecutionId: p.currentExecutionId } : {}),
      ...(lastExecutionId ? { lastExecutionId } : {}),
      ...(pausedDeploy(engine, p) ? { paused: true as const } : {}),
      blocked: blockedBy(verdicts),
      runModes: emergency ? ['NORMAL', 'EMERGENCY'] : ['NORMAL'],
      ...(flavour === 'ams' ? { readOnlySettings: readOnlySettings(actor), testingCategories: amsTestingCategories(p) } : {}),
    },
    _links: links([
      ['self', paths.pipeline(p.programId, p.id)],
      [REL.program, paths.program(p.programId)],
      [REL.execution, paths.execution(p.programId, p.id)],
      [REL.executionById, `${paths.execution(p.programId, p.id)}/{executionId}`, true, true],
      [REL.executions, paths.executions(p.programId, p.id)],
      [REL.variables, paths.pipelineVariables(p.programId, p.id)],
      [REL.cache, paths.pipelineCache(p.programId, p.id), p.category !== 'prodOnly'],
      [REL.rollback, paths.rollback(p.programId, p.id), verdicts.rollback?.ok === true],
      [REL.favorite, paths.pipelineFavorite(p.programId, p.id)],
      [REL.promotableExecutions, `${paths.pipeline(p.programId, p.id)}/promotableExecutions`, p.category === 'prodOnly'],
    ]),
  }
}

export function pipelineList(engine: Engine, actor: Actor, programId: string, list: readonly PipelineModel[]): PipelineList {
  return {
    _totalNumberOfItems: list.length,
    _page: { start: 0, limit: Math.max(list.length, 500) },
    _embedded: { pipelines: list.map((p) => pipeline(engine, actor, p)) },
    _links: links([['self', paths.pipelines(programId)]]),
  }
}
