import type { AuditFilters } from '../../api/resources/audit'
import { pickAllowed, useSearchParamFilters } from '../../components/use-search-param-filters'
import { AUDIT_CATEGORIES, type AuditCategory } from '../../contract/audit'

export type AuditFilterName = keyof AuditFilters

function parseAuditFilters(params: URLSearchParams): AuditFilters {
  return {
    pipelineId: params.get('pipelineId') || undefined,
    category: pickAllowed<AuditCategory>(params.get('category'), AUDIT_CATEGORIES),
  }
}

/** The Audit filters live in the page's URL (`?pipelineId=&category=`), as Activity's do. */
export function useAuditFilters(): [AuditFilters, (name: AuditFilterName, value: string | undefined) => void] {
  return useSearchParamFilters(parseAuditFilters)
}
