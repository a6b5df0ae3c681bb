import { type Key, Picker, PickerItem } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { ActivityFilters as Filters } from '../../api/resources/activity'
import type { Pipeline } from '../../contract/resources'
import { EXECUTION_STATUS, STATUS_FILTERS, TRIGGER_FILTERS, TRIGGER_LABEL } from './activity-labels'
import type { FilterName } from './use-activity-filters'

const ALL = 'all'

export interface ActivityFiltersProps {
  filters: Filters
  pipelines: Pipeline[]
  onChange: (name: FilterName, value: string | undefined) => void
}

/** Pipeline, status and trigger pickers; each sets the matching query parameter of the list. */
export function ActivityFilters({ filters, pipelines, onChange }: ActivityFiltersProps) {
  const change = (name: FilterName) => (key: Key | null) => onChange(name, key === ALL || key === null ? undefined : String(key))
  return (
    <div role="group" aria-label="Filters" className={style({ display: 'flex', flexWrap: 'wrap', gap: 16, marginBottom: 16 })}>
      <Picker
        label="Pipeline"
        selectedKey={filters.pipelineId ?? ALL}
        onSelectionChange={change('pipelineId')}
        styles={style({ width: 240 })}
      >
        {[
          <PickerItem key={ALL} id={ALL}>
            All pipelines
          </PickerItem>,
          ...pipelines.map((p) => (
            <PickerItem key={p.id} id={p.id}>
              {p.name}
            </PickerItem>
          )),
        ]}
      </Picker>
      <Picker
        label="Status"
        selectedKey={filters.status ?? ALL}
        onSelectionChange={change('status')}
        styles={style({ width: 180 })}
      >
        {[
          <PickerItem key={ALL} id={ALL}>
            All statuses
          </PickerItem>,
          ...STATUS_FILTERS.map((s) => (
            <PickerItem key={s} id={s}>
              {EXECUTION_STATUS[s].label}
            </PickerItem>
          )),
        ]}
      </Picker>
      <Picker
        label="Trigger"
        selectedKey={filters.trigger ?? ALL}
        onSelectionChange={change('trigger')}
        styles={style({ width: 180 })}
      >
        {[
          <PickerItem key={ALL} id={ALL}>
            All triggers
          </PickerItem>,
          ...TRIGGER_FILTERS.map((t) => (
            <PickerItem key={t} id={t}>
              {TRIGGER_LABEL[t]}
            </PickerItem>
          )),
        ]}
      </Picker>
    </div>
  )
}
