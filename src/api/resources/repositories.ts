import { queryOptions } from '@tanstack/react-query'
import type { BranchList, RepositoryList } from '../../contract/resources'
import { REL } from '../../contract/rels'
import { linkHref } from '../hal'
import { request } from '../http'
import { programQueries } from './programs'

export const repositoryQueries = {
  all: () => ['repositories'] as const,
  list: (programId: string) =>
    queryOptions({
      queryKey: [...repositoryQueries.all(), 'list', programId] as const,
      queryFn: async ({ client, signal }) => {
        const program = await client.ensureQueryData(programQueries.detail(programId))
        const list = await request<RepositoryList>(linkHref(program, REL.repositories), { signal })
        return list._embedded.repositories
      },
    }),
  /** Branch names of a repository, following its branches link. */
  branches: (programId: string, repositoryId: string) =>
    queryOptions({
      queryKey: [...repositoryQueries.all(), 'branches', programId, repositoryId] as const,
      queryFn: async ({ client, signal }) => {
        const repositories = await client.ensureQueryData(repositoryQueries.list(programId))
        const repository = repositories.find((r) => r.id === repositoryId)
        if (!repository) throw new Error(`Repository ${repositoryId} is not part of program ${programId}.`)
        const list = await request<BranchList>(linkHref(repository, REL.branches), { signal })
        return list._embedded.branches.map((b) => b.name)
      },
    }),
}
