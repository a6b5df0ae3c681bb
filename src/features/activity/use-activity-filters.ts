import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router-dom'
import type { ActivityFilters } from '../../api/resources/activity'
import type { ExecutionStatus, ExecutionTrigger } from '../../contract/executions'
import { STATUS_FILTERS, TRIGGER_FILTERS } from './activity-labels'

export type FilterName = keyof ActivityFilters

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined

/** The Activity filters live in the page's URL (`?pipelineId=&status=&trigger=`), so a filtered view can be linked. */
export function useActivityFilters(): [ActivityFilters, (name: FilterName, value: string | undefined) => void] {
  const [params, setParams] = useSearchParams()
  const pipelineId = params.get('pipelineId') || undefined
  const status = pick<ExecutionStatus>(params.get('status'), STATUS_FILTERS)
  const trigger = pick<ExecutionTrigger>(params.get('trigger'), TRIGGER_FILTERS)
  const filters = useMemo(() => ({ pipelineId, status, trigger }), [pipelineId, status, trigger])
  const setFilter = useCallback(
    (name: FilterName, value: string | undefined) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          if (value) next.set(name, value)
          else next.delete(name)
          return next
        },
        { replace: true },
      ),
    [setParams],
  )
  return [filters, setFilter]
}
