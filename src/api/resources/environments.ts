/**
 * Environments (spec §A.3–A.4, §H.3 #20–22, #28): read from the program's environments list, a
 * path the Cloud Manager API documents (`/api/program/{programId}/environments`) like the
 * pipelines' — so, like them, without a round trip for the program first; changed through the
 * program's environments link. The simulator's request for an additional staging environment is
 * a POST with no link to follow (like the simulator's create-pipeline endpoint).
 */
import { mutationOptions, queryOptions } from '@tanstack/react-query'
import type { AdditionalStageRequest, Environment, EnvironmentCreate, EnvironmentList, Program } from '../../contract/resources'
import { REL } from '../../contract/rels'
import { linkHref } from '../hal'
import { ApiError, request } from '../http'
import { programHref, programQueries } from './programs'

/** The program's environments: a documented entry point (see the module's comment). */
export const environmentsHref = (programId: string) => `${programHref(programId)}/environments`

export const environmentQueries = {
  all: () => ['environments'] as const,
  /** The program's environments list, asked for directly (see `environmentsHref`). */
  list: (programId: string) =>
    queryOptions({
      queryKey: [...environmentQueries.all(), 'list', programId] as const,
      queryFn: async ({ signal }) =>
        (await request<EnvironmentList>(environmentsHref(programId), { signal }))._embedded.environments,
    }),
  /**
   * One environment, found in the program's list (only the program is an entry point) and read
   * through its self link; 404 when the program has no such environment.
   */
  detail: (programId: string, environmentId: string) =>
    queryOptions({
      queryKey: [...environmentQueries.all(), 'detail', programId, environmentId] as const,
      queryFn: async ({ signal }) => {
        const list = await request<EnvironmentList>(environmentsHref(programId), { signal })
        const listed = list._embedded.environments.find((e) => e.id === environmentId)
        if (!listed) {
          throw new ApiError(404, {
            title: 'Not Found',
            detail: `Program ${programId} has no environment ${environmentId}.`,
          })
        }
        return request<Environment>(linkHref(listed, 'self'), { signal })
      },
    }),
}

/** The simulator-only request endpoint (spec §H.3 #28); the public API has none to link to. */
export const additionalStageRequestsHref = (programId: string) => `${programHref(programId)}/environments/additionalStageRequests`

export const environmentMutations = {
  /** Add an environment (Swagger `createEnvironment`) through the program's environments link → 201, `creating`. */
  create: (programId: string) =>
    mutationOptions({
      mutationKey: ['environments', 'create', programId],
      mutationFn: async (body: EnvironmentCreate) => {
        const program = await request<Program>(programHref(programId))
        return request<Environment>(linkHref(program, REL.environments), { method: 'POST', body })
      },
      // The list gains a row; the program's offers (types still available) change.
      meta: { invalidates: [environmentQueries.all(), programQueries.detail(programId).queryKey] },
    }),
  /** Delete an environment through its self link → 204. */
  delete: (programId: string) =>
    mutationOptions({
      mutationKey: ['environments', 'delete', programId],
      mutationFn: (environment: Environment) => request<void>(linkHref(environment, 'self'), { method: 'DELETE' }),
      meta: { invalidates: [environmentQueries.all(), programQueries.detail(programId).queryKey, ['pipelines']] },
    }),
  /** (sim) Request an additional staging environment → 202 with the environment, `creating`. */
  requestAdditionalStage: (programId: string) =>
    mutationOptions({
      mutationKey: ['environments', 'requestAdditionalStage', programId],
      mutationFn: (body: AdditionalStageRequest) =>
        request<Environment>(additionalStageRequestsHref(programId), { method: 'POST', body }),
      // The list gains a row; the program's offer to request one changes.
      meta: { invalidates: [environmentQueries.all(), programQueries.detail(programId).queryKey] },
    }),
}
