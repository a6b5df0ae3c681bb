/**
 * Rollback (spec §F.4, simulator design behind the public rel `rollbackLastSuccessfulExecution`):
 * `PUT /api/program/{programId}/pipeline/{pipelineId}/rollback` starts an execution that redeploys
 * the previous successful artifacts to production. The link is on the pipeline only when allowed.
 */
import { http, HttpResponse } from 'msw'
import { rollback } from '../../../engine/executions'
import type { SimRuntime } from '../../runtime'
import { execution } from '../representations/executions'
import { paths } from '../representations/links'
import { apiRoute } from '../route'

type PL = { programId: string; pipelineId: string }

export function rollbackHandlers(runtime: SimRuntime) {
  return [
    http.put<PL>(
      '/api/program/:programId/pipeline/:pipelineId/rollback',
      apiRoute<PL>(runtime, 'rollbackLastSuccessfulExecution', ({ engine, actor, params }) => {
        const started = engine.mutate(() => rollback(engine.ctx, actor, params.programId, params.pipelineId))
        return HttpResponse.json(execution(engine, actor, started), {
          status: 201,
          headers: { Location: paths.executionById(started.programId, started.pipelineId, started.id) },
        })
      }),
    ),
  ]
}
