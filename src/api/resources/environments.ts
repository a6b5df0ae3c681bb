import { queryOptions } from '@tanstack/react-query'
import type { EnvironmentList } from '../../contract/resources'
import { REL } from '../../contract/rels'
import { linkHref } from '../hal'
import { request } from '../http'
import { programQueries } from './programs'

export const environmentQueries = {
  all: () => ['environments'] as const,
  /** Follows the program's environments link. */
  list: (programId: string) =>
    queryOptions({
      queryKey: [...environmentQueries.all(), 'list', programId] as const,
      queryFn: async ({ client, signal }) => {
        const program = await client.ensureQueryData(programQueries.detail(programId))
        const list = await request<EnvironmentList>(linkHref(program, REL.environments), { signal })
        return list._embedded.environments
      },
    }),
}
