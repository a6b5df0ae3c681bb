import { http, HttpResponse } from 'msw'
import type { Pipeline } from '../../../engine/model'
import type { PipelineInput } from '../../../engine/pipelines'
import type { SimRuntime } from '../../runtime'
import { parseBody, type RequestBody } from '../bodies'
import { paths } from '../representations/links'
import { pipeline, pipelineList } from '../representations/pipelines'
import { apiRoute, readJson } from '../route'

type P = { programId: string }
type PL = P & { pipelineId: string }

/** Maps the public phase-level patch (what the Cloud Manager SDK sends) onto the configuration it changes. */
/** The spec §H.5 body may name `canary: false`; canary deployments are not modelled. */
function withoutCanary<T extends { canary?: false }>(options: T): Omit<T, 'canary'> {
  const { canary: _canary, ...rest } = options
  return rest
}

function configPatch(current: Pipeline, body: RequestBody<'pipelinePatchBody'>): Partial<PipelineInput> {
  const { phases, productionOptions, ...settings } = body
  const patch: Partial<PipelineInput> = {
    ...settings,
    ...(productionOptions ? { productionOptions: withoutCanary(productionOptions) } : {}),
  }
  const environmentIds = [...current.environmentIds]
  for (const phase of phases ?? []) {
    if (phase.type === 'BUILD' || phase.name?.startsWith('BUILD')) {
      if (phase.repositoryId) patch.repositoryId = phase.repositoryId
      if (phase.branch) patch.branch = phase.branch
    }
    if ((phase.type === 'DEPLOY' || phase.name?.startsWith('DEPLOY')) && phase.environmentId) {
      const deployPhases = current.phases.filter((p) => p.type === 'DEPLOY')
      const index = deployPhases.findIndex(
        (p) => p.name === phase.name || (!phase.name && p.environmentType === phase.environmentType),
      )
      if (index >= 0) environmentIds[index] = phase.environmentId
    }
  }
  if (environmentIds.some((id, i) => id !== current.environmentIds[i])) patch.environmentIds = environmentIds
  Object.assign(patch, stepOptionsPatch(current, phases ?? [], patch))
  return patch
}

type PhaseBody = NonNullable<RequestBody<'pipelinePatchBody'>['phases']>[number]

/**
 * [AMS] The public way to change step options (Swagger `PipelineStepUpdate`, the API guide's
 * "editing pipelines"): deploy steps' dispatcher paths and load balancer setting, the managed
 * step's CSE, the performance test weights. Mapped onto the settings they are shown as.
 */
function stepOptionsPatch(
  current: Pipeline,
  phases: readonly PhaseBody[],
  settings: Partial<PipelineInput>,
): Partial<PipelineInput> {
  const out: Partial<PipelineInput> = {}
  for (const phase of phases) {
    const target = current.phases.find(
      (p) => p.type === 'DEPLOY' && (p.name === phase.name || (!phase.name && phase.environmentType === p.environmentType)),
    )
    const env = target?.environmentType
    for (const step of phase.steps ?? []) {
      const o = step.options
      if (!o) continue
      if (step.name === 'deploy') {
        if (o.skipDetachingDispatchers !== undefined) out.skipDetachingDispatchers = o.skipDetachingDispatchers
        if (
          (env === 'dev' || env === 'stage' || env === 'prod') &&
          (o.dispatcherCacheFlushPaths || o.dispatcherCacheInvalidationPaths)
        ) {
          const before = current.dispatcherPaths[env]
          const keep = (type: 'FLUSH' | 'INVALIDATE', given: string[] | undefined) =>
            given ? given.map((path) => ({ path, type })) : before.filter((d) => d.type === type)
          out.dispatcherPaths = {
            ...settings.dispatcherPaths,
            ...out.dispatcherPaths,
            [env]: [...keep('FLUSH', o.dispatcherCacheFlushPaths), ...keep('INVALIDATE', o.dispatcherCacheInvalidationPaths)],
          }
        }
      }
      if (step.name === 'managed' && o.cse) out.productionOptions = { ...settings.productionOptions, cseOversight: o.cse }
      if (step.name === 'loadTest' && (o.popularPagesWeight ?? o.otherPagesWeight ?? o.newPagesWeight) !== undefined) {
        const sets = current.stageTesting.sitesPageSets
        const on = (set: 'POPULAR' | 'OTHER' | 'NEW', weight: number | undefined) =>
          weight === undefined ? sets.includes(set) : weight > 0
        out.stageTesting = {
          ...settings.stageTesting,
          ...out.stageTesting,
          sitesPageSets: (['POPULAR', 'OTHER', 'NEW'] as const).filter((set) =>
            on(set, set === 'POPULAR' ? o.popularPagesWeight : set === 'OTHER' ? o.otherPagesWeight : o.newPagesWeight),
          ),
        }
      }
      if (step.name === 'assetsTest' && (o.imageAssetsWeight !== undefined || o.pdfAssetsWeight !== undefined)) {
        const split = current.stageTesting.assetsSplit
        out.stageTesting = {
          ...settings.stageTesting,
          ...out.stageTesting,
          assetsSplit: { images: o.imageAssetsWeight ?? split.images, pdfs: o.pdfAssetsWeight ?? split.pdfs },
        }
      }
    }
  }
  return out
}

export function pipelineHandlers(runtime: SimRuntime) {
  return [
    http.get<P>(
      '/api/program/:programId/pipelines',
      apiRoute<P>(runtime, 'getPipelines', ({ engine, actor, params, url }) => {
        const all = engine.pipelines(params.programId)
        return HttpResponse.json(
          pipelineList(
            engine,
            actor,
            params.programId,
            all.filter((p) => !url.searchParams.get('type') || p.category === url.searchParams.get('type')),
          ),
        )
      }),
    ),
    http.post<P>(
      '/api/program/:programId/pipelines',
      apiRoute<P>(runtime, 'createPipeline', async ({ engine, actor, params, request }) => {
        const read = await readJson(request)
        if (!read.ok) return read.response
        const { productionOptions, ...input } = await parseBody('pipelineCreateBody', read.body)
        const created = engine.createPipeline(actor, params.programId, {
          ...input,
          ...(productionOptions ? { productionOptions: withoutCanary(productionOptions) } : {}),
        })
        return HttpResponse.json(pipeline(engine, actor, created), {
          status: 201,
          headers: { Location: paths.pipeline(params.programId, created.id) },
        })
      }),
    ),
    http.get<PL>(
      '/api/program/:programId/pipeline/:pipelineId',
      apiRoute<PL>(runtime, 'getPipeline', ({ engine, actor, params }) =>
        HttpResponse.json(pipeline(engine, actor, engine.pipeline(params.programId, params.pipelineId))),
      ),
    ),
    http.patch<PL>(
      '/api/program/:programId/pipeline/:pipelineId',
      apiRoute<PL>(runtime, 'patchPipeline', async ({ engine, actor, params, request }) => {
        const read = await readJson(request)
        if (!read.ok) return read.response
        const patch = configPatch(
          engine.pipeline(params.programId, params.pipelineId),
          await parseBody('pipelinePatchBody', read.body),
        )
        const updated = engine.updatePipeline(actor, params.programId, params.pipelineId, patch)
        return HttpResponse.json(pipeline(engine, actor, updated))
      }),
    ),
    http.delete<PL>(
      '/api/program/:programId/pipeline/:pipelineId',
      apiRoute<PL>(runtime, 'deletePipeline', ({ engine, actor, params }) => {
        engine.deletePipeline(actor, params.programId, params.pipelineId)
        return new HttpResponse(null, { status: 204 })
      }),
    ),
  ]
}
