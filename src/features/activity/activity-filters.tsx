import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { ActivityFilters as Filters } from '../../api/resources/activity'
import { FilterBar, FilterPicker, PipelineFilter } from '../../components/filter-bar'
import type { Pipeline } from '../../contract/resources'
import { EXECUTION_STATUS, STATUS_FILTERS, TRIGGER_FILTERS, TRIGGER_LABEL } from './activity-labels'
import type { FilterName } from './use-activity-filters'

export interface ActivityFiltersProps {
  filters: Filters
  pipelines: Pipeline[]
  onChange: (name: FilterName, value: string | undefined) => void
}

/** Pipeline, status and trigger pickers; each sets the matching query parameter of the list. */
export function ActivityFilters({ filters, pipelines, onChange }: ActivityFiltersProps) {
  return (
    <FilterBar>
      <PipelineFilter pipelines={pipelines} value={filters.pipelineId} onChange={(value) => onChange('pipelineId', value)} />
      <FilterPicker
        label="Status"
        allLabel="All statuses"
        options={STATUS_FILTERS.map((s) => ({ id: s, label: EXECUTION_STATUS[s].label }))}
        value={filters.status}
        onChange={(value) => onChange('status', value)}
        styles={style({ width: 180 })}
      />
      <FilterPicker
        label="Trigger"
        allLabel="All triggers"
        options={TRIGGER_FILTERS.map((t) => ({ id: t, label: TRIGGER_LABEL[t] }))}
        value={filters.trigger}
        onChange={(value) => onChange('trigger', value)}
        styles={style({ width: 180 })}
      />
    </FilterBar>
  )
}
