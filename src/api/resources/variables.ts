/**
 * Pipeline variables (spec §A.6, §H.3 #24): read through the pipeline's variables link, changed
 * with one PATCH of the whole change list (an empty value deletes) → 204.
 */
import { mutationOptions, queryOptions } from '@tanstack/react-query'
import type { Pipeline, VariableList, VariableUpdate } from '../../contract/resources'
import { REL } from '../../contract/rels'
import { linkHref } from '../hal'
import { request } from '../http'

export const variableQueries = {
  all: () => ['variables'] as const,
  /** The pipeline's variables and, when this caller may not change them now, why (`x-sim.blocked`). */
  pipeline: (pipeline: Pipeline) =>
    queryOptions({
      queryKey: [...variableQueries.all(), 'pipeline', pipeline.programId, pipeline.id] as const,
      queryFn: ({ signal }) => request<VariableList>(linkHref(pipeline, REL.variables), { signal }),
      staleTime: 0,
    }),
}

export const variableMutations = {
  /** PATCH the list's self link with the changes, in order; the server refuses the list whole. */
  patchPipeline: (pipeline: Pipeline) =>
    mutationOptions({
      mutationKey: ['variables', 'patch', pipeline.programId, pipeline.id],
      mutationFn: ({ list, changes }: { list: VariableList; changes: VariableUpdate[] }) =>
        request<void>(linkHref(list, 'self'), { method: 'PATCH', body: changes }),
      meta: { invalidates: [variableQueries.pipeline(pipeline).queryKey] },
    }),
}
