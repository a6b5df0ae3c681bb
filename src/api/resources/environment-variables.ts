/**
 * Environment variables (spec §A.5, §H.3 #23): read through the environment's variables link,
 * changed with one PATCH of the whole change list to the list's self link (an empty value
 * deletes) → 204. The list says in `x-sim.blocked` when this caller cannot change it now.
 */
import { mutationOptions, queryOptions } from '@tanstack/react-query'
import type { Environment, VariableList, VariableUpdate } from '../../contract/resources'
import { REL } from '../../contract/rels'
import { linkHref } from '../hal'
import { request } from '../http'

export const environmentVariableQueries = {
  all: () => ['environment-variables'] as const,
  list: (environment: Environment) =>
    queryOptions({
      queryKey: [...environmentVariableQueries.all(), environment.programId, environment.id] as const,
      queryFn: ({ signal }) => request<VariableList>(linkHref(environment, REL.variables), { signal }),
      staleTime: 0,
    }),
}

export const environmentVariableMutations = {
  /** PATCH the list's self link with the changes, in order; the server refuses the list whole. */
  patch: (environment: Environment) =>
    mutationOptions({
      mutationKey: ['environment-variables', 'patch', environment.programId, environment.id],
      mutationFn: ({ list, changes }: { list: VariableList; changes: VariableUpdate[] }) =>
        request<void>(linkHref(list, 'self'), { method: 'PATCH', body: changes }),
      meta: { invalidates: [environmentVariableQueries.list(environment).queryKey] },
    }),
}
