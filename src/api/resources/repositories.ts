import { queryOptions } from '@tanstack/react-query'
import type { BranchList, RepositoryList } from '../../contract/resources'
import { REL } from '../../contract/rels'
import { linkHref } from '../hal'
import { request } from '../http'
import { programHref } from './programs'

/**
 * The program's repositories: a path the Cloud Manager API documents
 * (`/api/program/{programId}/repositories`), an entry point like the pipelines' list, so the list
 * needs no round trip for the program first.
 */
export const repositoriesHref = (programId: string) => `${programHref(programId)}/repositories`

export const repositoryQueries = {
  all: () => ['repositories'] as const,
  list: (programId: string) =>
    queryOptions({
      queryKey: [...repositoryQueries.all(), 'list', programId] as const,
      queryFn: async ({ signal }) =>
        (await request<RepositoryList>(repositoriesHref(programId), { signal }))._embedded.repositories,
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
