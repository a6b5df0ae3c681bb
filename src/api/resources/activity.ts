/**
 * The program's Activity (spec §B.7): every execution of the program, newest first, paged by
 * following the list's `next` links; and the in-app notification feed (spec §I.1).
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type {
  ActivityExecution,
  ActivityList,
  Execution,
  ExecutionStatus,
  ExecutionTrigger,
  StepState,
} from '../../contract/executions'
import type { NotificationList } from '../../contract/notifications'
import { REL } from '../../contract/rels'
import { getLink } from '../hal'
import { request } from '../http'
import { programHref } from './programs'

export type { ActivityExecution }

export interface ActivityFilters {
  pipelineId?: string | undefined
  status?: ExecutionStatus | undefined
  trigger?: ExecutionTrigger | undefined
}

export const ACTIVITY_PAGE_SIZE = 50

/** The first page: the program-wide executions entry point, with the filters as query parameters. */
export function activityHref(programId: string, filters: ActivityFilters, limit = ACTIVITY_PAGE_SIZE): string {
  const query = new URLSearchParams({ start: '0', limit: String(limit) })
  if (filters.pipelineId) query.set('pipelineId', filters.pipelineId)
  if (filters.status) query.set('status', filters.status)
  if (filters.trigger) query.set('trigger', filters.trigger)
  return `${programHref(programId)}/executions?${query.toString()}`
}

const isLive = (e: Execution) => e.status === 'RUNNING' || e.status === 'CANCELLING' || e.status === 'NOT_STARTED'

/** Refetching re-reads every loaded page, so only the first few pages are kept live. */
const MAX_LIVE_PAGES = 3

export const activityQueries = {
  all: () => ['activity'] as const,
  list: (programId: string, filters: ActivityFilters, limit = ACTIVITY_PAGE_SIZE) =>
    infiniteQueryOptions({
      queryKey: [
        ...activityQueries.all(),
        'list',
        programId,
        { pipelineId: filters.pipelineId, status: filters.status, trigger: filters.trigger, limit },
      ] as const,
      queryFn: ({ pageParam, signal }) => request<ActivityList>(pageParam, { signal }),
      initialPageParam: activityHref(programId, filters, limit),
      getNextPageParam: (last) => getLink(last, 'next')?.href,
      refetchInterval: (query) => {
        const pages = query.state.data?.pages ?? []
        const live = pages.length <= MAX_LIVE_PAGES && pages.some((p) => p._embedded.executions.some(isLive))
        return live ? 5_000 : false
      },
    }),
}

export const notificationQueries = {
  all: () => ['notifications'] as const,
  /** The newest notifications for the caller's role (the token), polled so the badge stays current. */
  list: (limit = 100) =>
    queryOptions({
      queryKey: [...notificationQueries.all(), 'list', limit] as const,
      queryFn: ({ signal }) => request<NotificationList>(`/api/notifications?limit=${limit}`, { signal }),
      refetchInterval: 5_000,
    }),
}

/** Steps that have a log to download, in execution order. */
export const stepsWithLogs = (execution: Execution): StepState[] =>
  execution._embedded.stepStates.filter((s) => getLink(s, REL.stepLogs) !== undefined)

/**
 * The whole execution's log (spec §D.10, Activity's Download log): each step's log, followed
 * through its logs link and the signed redirect, one after the other with a heading.
 */
export async function executionLog(execution: Execution): Promise<string> {
  const parts: string[] = []
  for (const step of stepsWithLogs(execution)) {
    const href = getLink(step, REL.stepLogs)?.href as string
    const { redirect } = await request<{ redirect: string }>(href)
    const response = await fetch(redirect)
    const text = response.ok ? await response.text() : `(the log could not be downloaded: HTTP ${response.status})\n`
    parts.push(`===== ${step['x-sim'].label} — ${step.status} =====\n${text}`)
  }
  return parts.join('\n')
}
