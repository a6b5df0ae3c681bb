import { ActionButton, type Key, Picker, PickerItem, SearchField, Text } from '@react-spectrum/s2'
import FilterIcon from '@react-spectrum/s2/icons/Filter'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { Environment } from '../../contract/resources'
import {
  CODE_OPTIONS,
  filterableEnvironments,
  isFiltered,
  NO_FILTERS,
  type PipelineFilters,
  TYPE_OPTIONS,
} from './pipeline-filters'

export interface PipelineFiltersBarProps {
  filters: PipelineFilters
  environments: Environment[]
  onChange: (filters: PipelineFilters) => void
}

const ANY = '__any__'

/** Name, environment, type and deployed code filters, combinable (spec §B.2). */
export function PipelineFiltersBar({ filters, environments, onChange }: PipelineFiltersBarProps) {
  const set = (patch: Partial<PipelineFilters>) => onChange({ ...filters, ...patch })
  const pick = (key: Key | null) => (key === null || key === ANY ? '' : String(key))
  const envItems = [{ id: ANY, name: 'All environments' }, ...filterableEnvironments(environments)]
  return (
    <div
      role="search"
      aria-label="Filter pipelines"
      className={style({ display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: 12, marginBottom: 16 })}
    >
      <FilterIcon aria-hidden />
      <SearchField
        label="Name"
        value={filters.name}
        onChange={(name) => set({ name })}
        placeholder="Filter by name"
        styles={style({ width: 200 })}
      />
      <Picker
        label="Environment"
        items={envItems}
        selectedKey={filters.environmentId || ANY}
        onSelectionChange={(k) => set({ environmentId: pick(k) })}
        styles={style({ width: 180 })}
      >
        {(e) => <PickerItem id={e.id}>{e.name}</PickerItem>}
      </Picker>
      <Picker
        label="Type"
        selectedKey={filters.type || ANY}
        onSelectionChange={(k) => set({ type: pick(k) })}
        styles={style({ width: 240 })}
      >
        <PickerItem id={ANY}>All types</PickerItem>
        {TYPE_OPTIONS.map((t) => (
          <PickerItem key={t} id={t}>
            {t}
          </PickerItem>
        ))}
      </Picker>
      <Picker
        label="Deployed code"
        selectedKey={filters.codeSource || ANY}
        onSelectionChange={(k) => set({ codeSource: pick(k) })}
        styles={style({ width: 160 })}
      >
        <PickerItem id={ANY}>All code</PickerItem>
        {CODE_OPTIONS.map((c) => (
          <PickerItem key={c.id} id={c.id}>
            {c.label}
          </PickerItem>
        ))}
      </Picker>
      {isFiltered(filters) ? (
        <ActionButton onPress={() => onChange(NO_FILTERS)}>
          <Text>Clear filters</Text>
        </ActionButton>
      ) : null}
    </div>
  )
}
