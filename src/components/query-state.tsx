import type { ReactNode } from 'react'
import { ErrorState } from './error-state'
import { LoadingState } from './loading-state'

/** The parts of a query result this needs; TanStack's `UseQueryResult` fits. */
export interface QueryLike<T> {
  isPending: boolean
  isError: boolean
  error: unknown
  data: T | undefined
  refetch: () => unknown
}

export interface QueryStateProps<T> {
  query: QueryLike<T[]>
  /** What is loaded, for the spinner's label and the error's heading ("pipelines"). */
  what: string
  /** Shown when the list is empty. */
  empty: ReactNode
  children: (data: T[]) => ReactNode
}

/**
 * Loading, failed, empty or loaded: the four states every list in the console goes through. A
 * failed refresh keeps what was loaded on screen, under the error, instead of replacing it.
 */
export function QueryState<T>({ query, what, empty, children }: QueryStateProps<T>) {
  if (query.isPending) return <LoadingState what={what} />
  const failure = query.isError ? (
    <ErrorState what={what} error={query.error} isStale={query.data !== undefined} onRetry={() => void query.refetch()} />
  ) : null
  if (!query.data) return failure
  return (
    <>
      {failure}
      {query.data.length === 0 ? empty : children(query.data)}
    </>
  )
}
