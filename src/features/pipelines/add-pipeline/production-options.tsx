import { Checkbox } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { PipelineForm } from './pipeline-form'

export interface ProductionOptionsProps {
  form: PipelineForm
  onChange: (patch: Partial<PipelineForm>) => void
  /** Production only pipelines have no Scheduled option in the CS dialog (spec §C.6). */
  withSchedule: boolean
}

/** "Production Deployment Options": the approval gate and the schedule step before the prod deploy. */
export function ProductionOptions({ form, onChange, withSchedule }: ProductionOptionsProps) {
  return (
    <fieldset className={style({ borderStyle: 'none', padding: 0, margin: 0 })}>
      <legend className={style({ font: 'ui-sm', color: 'neutral-subdued', marginBottom: 4 })}>
        Production Deployment Options
      </legend>
      <Checkbox isSelected={form.pauseBeforeProd} onChange={(pauseBeforeProd) => onChange({ pauseBeforeProd })}>
        Pause before deploying to Production
      </Checkbox>
      {withSchedule ? (
        <Checkbox isSelected={form.scheduled} onChange={(scheduled) => onChange({ scheduled })}>
          Scheduled
        </Checkbox>
      ) : null}
    </fieldset>
  )
}
