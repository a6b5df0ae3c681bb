import { Picker, PickerItem, type StylesProp } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { ReactNode } from 'react'

/** The key of a picker's first entry, which clears its filter. */
const ALL = 'all'

/** The labelled row of filter pickers above a list (Activity, Audit). */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <div role="group" aria-label="Filters" className={style({ display: 'flex', flexWrap: 'wrap', gap: 16, marginBottom: 16 })}>
      {children}
    </div>
  )
}

export interface FilterPickerProps {
  label: string
  /** The first entry, which means no filter ("All pipelines"). */
  allLabel: string
  options: readonly { id: string; label: string }[]
  /** The filter's value; undefined when the list is not filtered by it. */
  value: string | undefined
  onChange: (value: string | undefined) => void
  /** The picker's width, as a style macro's result in the caller. */
  styles?: StylesProp
}

/** One filter of a list: "All …" first, then its values; picking "All …" clears the filter. */
export function FilterPicker({ label, allLabel, options, value, onChange, styles }: FilterPickerProps) {
  return (
    <Picker
      label={label}
      selectedKey={value ?? ALL}
      onSelectionChange={(key) => onChange(key === ALL || key === null ? undefined : String(key))}
      {...(styles ? { styles } : {})}
    >
      {[
        <PickerItem key={ALL} id={ALL}>
          {allLabel}
        </PickerItem>,
        ...options.map((o) => (
          <PickerItem key={o.id} id={o.id}>
            {o.label}
          </PickerItem>
        )),
      ]}
    </Picker>
  )
}

/** The "Pipeline" filter every program list has. */
export function PipelineFilter({
  pipelines,
  value,
  onChange,
}: {
  pipelines: readonly { id: string; name: string }[]
  value: string | undefined
  onChange: (value: string | undefined) => void
}) {
  return (
    <FilterPicker
      label="Pipeline"
      allLabel="All pipelines"
      options={pipelines.map((p) => ({ id: p.id, label: p.name }))}
      value={value}
      onChange={onChange}
      styles={style({ width: 240 })}
    />
  )
}
