import type { BranchList, Repository, RepositoryList } from '../../../contract/resources'
import { REL } from '../../../contract/rels'
import type { Repository as RepositoryModel } from '../../../engine/model'
import { links, paths } from './links'

export function repository(r: RepositoryModel): Repository {
  return {
    id: r.id,
    repo: r.name,
    description: r.description,
    repositoryUrl: r.url,
    _links: links([
      ['self', paths.repository(r.programId, r.id)],
      [REL.program, paths.program(r.programId)],
      [REL.branches, paths.branches(r.programId, r.id)],
    ]),
  }
}

export function repositoryList(programId: string, repos: readonly RepositoryModel[]): RepositoryList {
  return {
    _totalNumberOfItems: repos.length,
    _embedded: { repositories: repos.map(repository) },
    _links: links([['self', paths.repositories(programId)]]),
  }
}

export function branchList(r: RepositoryModel): BranchList {
  return {
    _totalNumberOfItems: r.branches.length,
    _embedded: {
      branches: r.branches.map((b) => ({
        programId: r.programId,
        repositoryId: Number(r.id),
        name: b.name,
        _links: links([
          [REL.program, paths.program(r.programId)],
          [REL.repository, paths.repository(r.programId, r.id)],
        ]),
      })),
    },
    _links: links([['self', paths.branches(r.programId, r.id)]]),
  }
}
