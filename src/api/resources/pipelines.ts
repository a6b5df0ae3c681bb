import { mutationOptions, queryOptions } from '@tanstack/react-query'
import type { Pipeline, PipelineCreate, PipelineList } from '../../contract/resources'
import { REL } from '../../contract/rels'
import { linkHref } from '../hal'
import { request } from '../http'
import { programHref, programQueries } from './programs'

const isActive = (p: Pipeline) => p.status !== 'IDLE'

export const pipelineQueries = {
  all: () => ['pipelines'] as const,
  /** Follows the program's pipelines link; polls while any pipeline runs. */
  list: (programId: string) =>
    queryOptions({
      queryKey: [...pipelineQueries.all(), 'list', programId] as const,
      queryFn: async ({ client, signal }) => {
        const program = await client.ensureQueryData(programQueries.detail(programId))
        const list = await request<PipelineList>(linkHref(program, REL.pipelines), { signal })
        return list._embedded.pipelines
      },
      refetchInterval: (query) => (query.state.data?.some(isActive) ? 2_000 : false),
    }),
}

export const pipelineMutations = {
  /** The simulator-only create endpoint (spec §H.3 #26); the public API has none to link to. */
  create: (programId: string) =>
    mutationOptions({
      mutationKey: ['pipelines', 'create', programId],
      mutationFn: (body: PipelineCreate) => request<Pipeline>(`${programHref(programId)}/pipelines`, { method: 'POST', body }),
      // The program's Add menu depends on which pipelines exist.
      meta: { invalidates: [pipelineQueries.all(), programQueries.detail(programId).queryKey] },
    }),
}
