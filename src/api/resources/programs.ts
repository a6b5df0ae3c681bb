import { queryOptions } from '@tanstack/react-query'
import type { Program, ProgramList } from '../../contract/resources'
import { request } from '../http'

/** Entry points: the only URLs the client builds itself. */
export const PROGRAMS_HREF = '/api/programs'
export const programHref = (programId: string) => `/api/program/${encodeURIComponent(programId)}`

export const programQueries = {
  all: () => ['programs'] as const,
  list: () =>
    queryOptions({
      queryKey: [...programQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => request<ProgramList>(PROGRAMS_HREF, { signal }),
      select: (list) => list._embedded.programs,
    }),
  detail: (programId: string) =>
    queryOptions({
      queryKey: [...programQueries.all(), 'detail', programId] as const,
      queryFn: ({ signal }) => request<Program>(programHref(programId), { signal }),
    }),
}
