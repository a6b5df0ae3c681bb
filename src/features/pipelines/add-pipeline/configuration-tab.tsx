import { Radio, RadioGroup, TextField } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { AddPipelineKind } from '../../../contract/resources'
import { ChoiceField } from './choice-field'
import type { FieldErrors, PipelineForm } from './pipeline-form'
import { MAX_NAME } from './pipeline-form'

export interface TabProps {
  kind: AddPipelineKind
  form: PipelineForm
  errors: FieldErrors
  onChange: (patch: Partial<PipelineForm>) => void
}

const TRIGGERS = [
  { id: 'MANUAL', label: 'Manual' },
  { id: 'ON_COMMIT', label: 'On Git Changes' },
] as const

const BEHAVIORS = [
  { id: 'ASK', label: 'Ask every time' },
  { id: 'FAIL', label: 'Fail Immediately' },
  { id: 'CONTINUE', label: 'Continue Immediately' },
] as const

export function ConfigurationTab({ kind, form, errors, onChange }: TabProps) {
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', gap: 16 })}>
      {kind === 'nonProduction' ? (
        <RadioGroup
          label="Select the type of pipeline you want to create"
          value={form.nonProdKind}
          onChange={(v) => onChange({ nonProdKind: v as PipelineForm['nonProdKind'] })}
        >
          <Radio value="codeQuality">Code Quality Pipeline</Radio>
          <Radio value="deployment">Deployment Pipeline</Radio>
        </RadioGroup>
      ) : null}
      <TextField
        label="Pipeline Name"
        autoFocus
        isRequired
        value={form.name}
        onChange={(name) => onChange({ name })}
        isInvalid={errors.name !== undefined}
        errorMessage={errors.name}
        description={`Up to ${MAX_NAME} characters, unique in the program.`}
        // Server and client checks decide; native constraint validation would fight them.
        validationBehavior="aria"
        styles={style({ width: 'full', maxWidth: 400 })}
      />
      <ChoiceField
        label="Deployment Trigger"
        options={TRIGGERS}
        value={form.trigger}
        onChange={(trigger) => onChange({ trigger })}
        errorMessage={errors.trigger}
      />
      <ChoiceField
        label="Important Metric Failures Behavior"
        options={BEHAVIORS}
        value={form.metricBehavior}
        onChange={(metricBehavior) => onChange({ metricBehavior })}
        errorMessage={errors.metricBehavior}
      />
    </div>
  )
}
