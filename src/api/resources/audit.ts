/**
 * [AMS] The program's audit trail (`GET /api/program/{id}/audit`, a simulator extension): newest
 * first, paged by following the list's `next` links, filtered by pipeline and category.
 */
import { infiniteQueryOptions } from '@tanstack/react-query'
import type { AuditCategory, AuditEntry, AuditList } from '../../contract/audit'
import { getLink } from '../hal'
import { request } from '../http'
import { programHref } from './programs'

export type { AuditCategory, AuditEntry }

export interface AuditFilters {
  pipelineId?: string | undefined
  category?: AuditCategory | undefined
}

export const AUDIT_PAGE_SIZE = 50

/** The first page: the program's audit entry point, with the filters as query parameters. */
export function auditHref(programId: string, filters: AuditFilters, limit = AUDIT_PAGE_SIZE): string {
  const query = new URLSearchParams({ start: '0', limit: String(limit) })
  if (filters.pipelineId) query.set('pipelineId', filters.pipelineId)
  if (filters.category) query.set('category', filters.category)
  return `${programHref(programId)}/audit?${query.toString()}`
}

export const auditQueries = {
  all: () => ['audit'] as const,
  list: (programId: string, filters: AuditFilters, limit = AUDIT_PAGE_SIZE) =>
    infiniteQueryOptions({
      queryKey: [
        ...auditQueries.all(),
        'list',
        programId,
        { pipelineId: filters.pipelineId, category: filters.category, limit },
      ] as const,
      queryFn: ({ pageParam, signal }) => request<AuditList>(pageParam, { signal }),
      initialPageParam: auditHref(programId, filters, limit),
      getNextPageParam: (last) => getLink(last, 'next')?.href,
    }),
}
