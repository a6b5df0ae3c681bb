/**
 * `DELETE /api/program/{programId}/pipeline/{pipelineId}/cache` (Swagger `invalidateCache`, the
 * pipeline's `…/rel/cache` link): Deployment Managers may reset a pipeline's build cache. The
 * simulator keeps no build cache beyond artifact reuse by commit, so this only checks the call.
 */
import { http, HttpResponse } from 'msw'
import { DomainError, enforce } from '../../../engine/errors'
import { permits } from '../../../engine/permissions'
import type { SimRuntime } from '../../runtime'
import { apiRoute } from '../route'

type PL = { programId: string; pipelineId: string }

export function pipelineCacheHandlers(runtime: SimRuntime) {
  return [
    http.delete<PL>(
      '/api/program/:programId/pipeline/:pipelineId/cache',
      apiRoute<PL>(runtime, 'invalidateCache', ({ engine, actor, params }) => {
        const pipeline = engine.pipeline(params.programId, params.pipelineId)
        enforce(permits(actor, 'invalidateCache'))
        if (pipeline.category === 'prodOnly') {
          throw new DomainError('not-allowed', `"${pipeline.name}" does not build, so it has no build cache.`)
        }
        return new HttpResponse(null, { status: 204 })
      }),
    ),
  ]
}
