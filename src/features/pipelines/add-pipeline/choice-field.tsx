import { SegmentedControl, SegmentedControlItem } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useId } from 'react'

export interface ChoiceFieldProps<K extends string> {
  label: string
  options: ReadonlyArray<{ id: K; label: string }>
  value: K
  onChange: (value: K) => void
  errorMessage?: string
}

/**
 * A labelled toggle-button group (the dialogs' Deployment Trigger and Important Metric
 * Failures Behavior). SegmentedControl is a radio group without a label of its own, so the
 * visible label names it and the error is tied to it.
 */
export function ChoiceField<K extends string>({ label, options, value, onChange, errorMessage }: ChoiceFieldProps<K>) {
  const labelId = useId()
  const errorId = useId()
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', gap: 4 })}>
      <span id={labelId} className={style({ font: 'ui-sm', color: 'neutral-subdued' })}>
        {label}
      </span>
      <SegmentedControl
        aria-labelledby={labelId}
        aria-describedby={errorMessage ? errorId : undefined}
        selectedKey={value}
        onSelectionChange={(key) => onChange(key as K)}
        styles={style({ width: 'fit' })}
      >
        {options.map((o) => (
          <SegmentedControlItem key={o.id} id={o.id}>
            {o.label}
          </SegmentedControlItem>
        ))}
      </SegmentedControl>
      {errorMessage ? (
        <span id={errorId} className={style({ font: 'ui-sm', color: 'negative' })}>
          {errorMessage}
        </span>
      ) : null}
    </div>
  )
}
