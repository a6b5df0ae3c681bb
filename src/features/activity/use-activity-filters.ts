import type { ActivityFilters } from '../../api/resources/activity'
import type { ExecutionStatus, ExecutionTrigger } from '../../contract/executions'
import { pickAllowed, useSearchParamFilters } from '../../components/use-search-param-filters'
import { STATUS_FILTERS, TRIGGER_FILTERS } from './activity-labels'

export type FilterName = keyof ActivityFilters

function parseActivityFilters(params: URLSearchParams): ActivityFilters {
  return {
    pipelineId: params.get('pipelineId') || undefined,
    status: pickAllowed<ExecutionStatus>(params.get('status'), STATUS_FILTERS),
    trigger: pickAllowed<ExecutionTrigger>(params.get('trigger'), TRIGGER_FILTERS),
  }
}

/** The Activity filters live in the page's URL (`?pipelineId=&status=&trigger=`), so a filtered view can be linked. */
export function useActivityFilters(): [ActivityFilters, (name: FilterName, value: string | undefined) => void] {
  return useSearchParamFilters(parseActivityFilters)
}
