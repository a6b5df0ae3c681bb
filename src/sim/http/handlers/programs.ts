import { http, HttpResponse } from 'msw'
import { setEmergencyMode } from '../../../engine/emergency-mode'
import type { SimRuntime } from '../../runtime'
import { environment, environmentList } from '../representations/environments'
import { program, programList } from '../representations/programs'
import { branchList, repository, repositoryList } from '../representations/repositories'
import { apiRoute } from '../route'

type P = { programId: string }

/**
 * (sim) [AMS] `PUT` / `DELETE /api/program/{programId}/emergencyMode` → 204: a Customer Success
 * Engineer turns the program's Emergency Mode on or off (spec §D.11). Idempotent; the program's
 * `emergencyMode` link points here for a caller who may.
 */
function emergencyModeHandlers(runtime: SimRuntime) {
  const handle = (enabled: boolean) =>
    apiRoute<P>(runtime, enabled ? 'enableEmergencyMode' : 'disableEmergencyMode', ({ engine, actor, params }) => {
      engine.mutate(() => setEmergencyMode(engine.ctx, actor, params.programId, enabled))
      return new HttpResponse(null, { status: 204 })
    })
  const path = '/api/program/:programId/emergencyMode'
  return [http.put<P>(path, handle(true)), http.delete<P>(path, handle(false))]
}

export function programHandlers(runtime: SimRuntime) {
  return [
    ...emergencyModeHandlers(runtime),
    http.get(
      '/api/programs',
      apiRoute(runtime, 'getPrograms', ({ engine }) => HttpResponse.json(programList(engine.listPrograms()))),
    ),
    http.get<P>(
      '/api/program/:programId',
      apiRoute<P>(runtime, 'getProgram', ({ engine, actor, params }) =>
        HttpResponse.json(program(engine, actor, engine.program(params.programId))),
      ),
    ),
    http.get<P>(
      '/api/program/:programId/environments',
      apiRoute<P>(runtime, 'getEnvironments', ({ engine, actor, params, url }) => {
        const type = url.searchParams.get('type')
        const envs = engine.environments(params.programId).filter((e) => !type || e.type === type)
        return HttpResponse.json(
          environmentList(
            params.programId,
            envs.map((e) => environment(engine, actor, e)),
          ),
        )
      }),
    ),
    http.get<P & { environmentId: string }>(
      '/api/program/:programId/environment/:environmentId',
      apiRoute<P & { environmentId: string }>(runtime, 'getEnvironment', ({ engine, actor, params }) => {
        const env = engine.environment(params.programId, params.environmentId)
        return HttpResponse.json(environment(engine, actor, env))
      }),
    ),
    http.get<P>(
      '/api/program/:programId/repositories',
      apiRoute<P>(runtime, 'getRepositories', ({ engine, params }) =>
        HttpResponse.json(repositoryList(params.programId, engine.repositories(params.programId))),
      ),
    ),
    http.get<P & { repositoryId: string }>(
      '/api/program/:programId/repository/:repositoryId',
      apiRoute<P & { repositoryId: string }>(runtime, 'getRepository', ({ engine, params }) =>
        HttpResponse.json(repository(engine.repository(params.programId, params.repositoryId))),
      ),
    ),
    http.get<P & { repositoryId: string }>(
      '/api/program/:programId/repository/:repositoryId/branches',
      apiRoute<P & { repositoryId: string }>(runtime, 'getBranches', ({ engine, params }) =>
        HttpResponse.json(branchList(engine.repository(params.programId, params.repositoryId))),
      ),
    ),
  ]
}
