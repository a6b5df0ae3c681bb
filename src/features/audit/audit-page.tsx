import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { auditQueries } from '../../api/resources/audit'
import { isAmsProgram, pipelineQueries } from '../../api/resources/pipelines'
import { programQueries } from '../../api/resources/programs'
import { useLiveUpdates } from '../../api/use-live-updates'
import { EmptyState } from '../../components/empty-state'
import { ErrorState } from '../../components/error-state'
import { LoadMoreFooter } from '../../components/load-more-footer'
import { LoadingState as Loading } from '../../components/loading-state'
import { PageHeading } from '../../components/page-heading'
import { AuditFilters } from './audit-filters'
import { AuditTable } from './audit-table'
import { useAuditFilters } from './use-audit-filters'

/**
 * [AMS] The program's audit trail (spec §A.2): who did what and when, newest first, paged and
 * filtered like Activity, live. Cloud Service programs keep none, and say so.
 */
export function AuditPage({ programId }: { programId: string }) {
  const program = useQuery(programQueries.detail(programId))
  const ams = isAmsProgram(program.data)
  const [filters, setFilter] = useAuditFilters()
  const pipelines = useQuery(pipelineQueries.list(programId))
  const audit = useInfiniteQuery({
    ...auditQueries.list(programId, filters),
    placeholderData: keepPreviousData,
    enabled: ams,
  })
  useLiveUpdates([auditQueries.all()], { enabled: ams })
  const filtered = Boolean(filters.pipelineId || filters.category)
  const entries = audit.data?.pages.flatMap((p) => p._embedded.auditEvents) ?? []
  const total = audit.data?.pages[0]?._totalNumberOfItems ?? 0
  const loadMore = () => {
    if (audit.hasNextPage && !audit.isFetchingNextPage && !audit.isFetchNextPageError) void audit.fetchNextPage()
  }

  let body
  if (program.isPending) body = <Loading what="program" />
  else if (!ams)
    body = (
      <EmptyState heading="No audit trail">
        Only Managed Services programs keep an audit trail; {program.data?.name ?? 'this program'} is a Cloud Service program.
      </EmptyState>
    )
  else if (audit.isPending) body = <Loading what="audit trail" />
  else if (audit.isError && !audit.data)
    body = <ErrorState what="audit trail" error={audit.error} onRetry={() => void audit.refetch()} />
  else if (entries.length === 0)
    body = filtered ? (
      <EmptyState heading="No matching entries">No entry of this program's audit trail matches these filters.</EmptyState>
    ) : (
      <EmptyState heading="Nothing audited yet">What people do on this program's pipelines will be listed here.</EmptyState>
    )
  else
    body = (
      <>
        <AuditTable
          programId={programId}
          entries={entries}
          loadingState={audit.isFetchingNextPage ? 'loadingMore' : audit.isPlaceholderData ? 'filtering' : 'idle'}
          onLoadMore={loadMore}
        />
        <LoadMoreFooter
          shown={entries.length}
          total={total}
          noun="entries"
          hasMore={audit.hasNextPage}
          isLoadingMore={audit.isFetchingNextPage}
          onLoadMore={loadMore}
        />
        {audit.isFetchNextPageError ? (
          <ErrorState what="more of the audit trail" error={audit.error} onRetry={() => void audit.fetchNextPage()} />
        ) : null}
      </>
    )

  return (
    <>
      <PageHeading title="Audit" />
      {ams ? <AuditFilters filters={filters} pipelines={pipelines.data ?? []} onChange={setFilter} /> : null}
      {body}
    </>
  )
}
