import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { activityQueries } from '../../api/resources/activity'
import { pipelineQueries } from '../../api/resources/pipelines'
import { EmptyState } from '../../components/empty-state'
import { ErrorState } from '../../components/error-state'
import { LoadMoreFooter } from '../../components/load-more-footer'
import { LoadingState as Loading } from '../../components/loading-state'
import { PageHeading } from '../../components/page-heading'
import { ActivityFilters } from './activity-filters'
import { ActivityTable, type LoadingState } from './activity-table'
import { useActivityFilters } from './use-activity-filters'

export function ActivityPage({ programId }: { programId: string }) {
  const [filters, setFilter] = useActivityFilters()
  const pipelines = useQuery(pipelineQueries.list(programId))
  const activity = useInfiniteQuery({ ...activityQueries.list(programId, filters), placeholderData: keepPreviousData })
  const filtered = Boolean(filters.pipelineId || filters.status || filters.trigger)

  const executions = activity.data?.pages.flatMap((p) => p._embedded.executions) ?? []
  const total = activity.data?.pages[0]?._totalNumberOfItems ?? 0
  const loadMore = () => {
    if (activity.hasNextPage && !activity.isFetchingNextPage && !activity.isFetchNextPageError) void activity.fetchNextPage()
  }
  let loadingState: LoadingState = 'idle'
  if (activity.isFetchingNextPage) loadingState = 'loadingMore'
  else if (activity.isPlaceholderData) loadingState = 'filtering'

  let body
  if (activity.isPending) body = <Loading what="activity" />
  else if (activity.isError && !activity.data)
    body = <ErrorState what="activity" error={activity.error} onRetry={() => void activity.refetch()} />
  else if (executions.length === 0)
    body = filtered ? (
      <EmptyState heading="No matching executions">No execution of this program matches these filters.</EmptyState>
    ) : (
      <EmptyState heading="No executions yet">Executions of this program's pipelines will be listed here.</EmptyState>
    )
  else
    body = (
      <>
        <ActivityTable
          executions={executions}
          pipelines={pipelines.data ?? []}
          loadingState={loadingState}
          onLoadMore={loadMore}
        />
        <LoadMoreFooter
          shown={executions.length}
          total={total}
          noun="executions"
          hasMore={activity.hasNextPage}
          isLoadingMore={activity.isFetchingNextPage}
          onLoadMore={loadMore}
        />
        {activity.isFetchNextPageError ? (
          <ErrorState what="more activity" error={activity.error} onRetry={() => void activity.fetchNextPage()} />
        ) : null}
      </>
    )

  return (
    <>
      <PageHeading title="Activity" />
      <ActivityFilters filters={filters} pipelines={pipelines.data ?? []} onChange={setFilter} />
      {body}
    </>
  )
}
