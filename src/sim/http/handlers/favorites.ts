/**
 * (sim) `PUT` / `DELETE /api/program/{programId}/pipeline/{pipelineId}/favorite` → 204: stars or
 * unstars a pipeline for the caller (spec §H.3 #29). Idempotent; the pipeline's `favorite` link
 * points here.
 */
import { http, HttpResponse } from 'msw'
import { setFavorite } from '../../../engine/favorites'
import type { SimRuntime } from '../../runtime'
import { apiRoute } from '../route'

type PL = { programId: string; pipelineId: string }

const PATH = '/api/program/:programId/pipeline/:pipelineId/favorite'

export function favoriteHandlers(runtime: SimRuntime) {
  const handle = (favorite: boolean) =>
    apiRoute<PL>(runtime, favorite ? 'addFavorite' : 'removeFavorite', ({ engine, actor, params }) => {
      engine.mutate(() => setFavorite(engine.ctx, actor, params.programId, params.pipelineId, favorite))
      return new HttpResponse(null, { status: 204 })
    })
  return [http.put<PL>(PATH, handle(true)), http.delete<PL>(PATH, handle(false))]
}
