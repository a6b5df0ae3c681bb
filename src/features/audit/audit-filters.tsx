import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { AuditFilters as Filters } from '../../api/resources/audit'
import { FilterBar, FilterPicker, PipelineFilter } from '../../components/filter-bar'
import { AUDIT_CATEGORIES } from '../../contract/audit'
import type { Pipeline } from '../../contract/resources'
import { AUDIT_CATEGORY_LABEL } from './audit-labels'
import type { AuditFilterName } from './use-audit-filters'

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
  return (
    <FilterBar>
      <PipelineFilter pipelines={pipelines} value={filters.pipelineId} onChange={(value) => onChange('pipelineId', value)} />
      <FilterPicker
        label="Category"
        allLabel="All categories"
        options={AUDIT_CATEGORIES.map((c) => ({ id: c, label: AUDIT_CATEGORY_LABEL[c] }))}
        value={filters.category}
        onChange={(value) => onChange('category', value)}
        styles={style({ width: 220 })}
      />
    </FilterBar>
  )
}
