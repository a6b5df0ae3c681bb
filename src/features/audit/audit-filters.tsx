import { type Key, Picker, PickerItem } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { AuditFilters as Filters } from '../../api/resources/audit'
import { AUDIT_CATEGORIES } from '../../contract/audit'
import type { Pipeline } from '../../contract/resources'
import { AUDIT_CATEGORY_LABEL } from './audit-labels'
import type { AuditFilterName } from './use-audit-filters'

const ALL = 'all'

/** Pipeline and category pickers; each sets the matching query parameter of the list. */
export function AuditFilters({
  filters,
  pipelines,
  onChange,
}: {
  filters: Filters
  pipelines: Pipeline[]
  onChange: (name: AuditFilterName, value: string | undefined) => void
}) {
  const change = (name: AuditFilterName) => (key: Key | null) =>
    onChange(name, key === ALL || key === null ? undefined : String(key))
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
        label="Category"
        selectedKey={filters.category ?? ALL}
        onSelectionChange={change('category')}
        styles={style({ width: 220 })}
      >
        {[
          <PickerItem key={ALL} id={ALL}>
            All categories
          </PickerItem>,
          ...AUDIT_CATEGORIES.map((c) => (
            <PickerItem key={c} id={c}>
              {AUDIT_CATEGORY_LABEL[c]}
            </PickerItem>
          )),
        ]}
      </Picker>
    </div>
  )
}
