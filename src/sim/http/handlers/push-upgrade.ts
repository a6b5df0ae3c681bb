/**
 * `POST /__sim/push-upgrade {"programId"}`: Adobe pushes an AEM update — starts a PUSH_UPGRADES
 * execution of the program's coupled production pipeline (spec §F.1, §E.7). 201 with the
 * execution; 404 when the program has no production pipeline; 412 when it cannot start now.
 */
import { http, HttpResponse } from 'msw'
import { SYSTEM_ACTOR } from '../../../engine/actors'
import { DomainError } from '../../../engine/errors'
import { isCoupled } from '../../../engine/pipelines'
import { pushUpgrade } from '../../../engine/triggers'
import type { SimRuntime } from '../../runtime'
import { parseBody } from '../bodies'
import { execution } from '../representations/executions'
import { paths } from '../representations/links'
import { readJson, simRoute } from '../route'

export function pushUpgradeHandlers(runtime: SimRuntime) {
  return [
    http.post(
      '/__sim/push-upgrade',
      simRoute(runtime, async ({ request, runtime: rt }) => {
        const read = await readJson(request)
        if (!read.ok) return read.response
        const { programId } = await parseBody('pushUpgradeBody', read.body)
        rt.sync()
        const engine = rt.engine
        const program = engine.program(programId)
        const production = engine.pipelines(programId).find(isCoupled)
        if (!production) {
          throw new DomainError('not-found', `"${program.name}" has no production pipeline to push an AEM update to.`)
        }
        const started = engine.mutate(() => pushUpgrade(engine.ctx, programId, production.id))
        return HttpResponse.json(execution(engine, SYSTEM_ACTOR, started), {
          status: 201,
          headers: { Location: paths.executionById(programId, production.id, started.id) },
        })
      }),
    ),
  ]
}
