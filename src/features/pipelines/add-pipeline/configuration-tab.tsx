import { LabeledValue, Radio, RadioGroup, TextField } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { AddPipelineKind, AmsTestingCategory, AssetsTestFile, Blocked } from '../../../contract/resources'
import type { Flavour } from './ams-form'
import { ChoiceField } from './choice-field'
import type { FieldErrors, PipelineForm } from './pipeline-form'
import { MAX_NAME } from './pipeline-form'

export interface TabProps {
  kind: AddPipelineKind
  form: PipelineForm
  errors: FieldErrors
  onChange: (patch: Partial<PipelineForm>) => void
  /** Editing an existing pipeline: what defines its kind is shown, not offered (spec §C.7). */
  isEdit?: boolean
  /** The program's flavour: Cloud Service or Managed Services options. */
  flavour: Flavour
  /** Settings this user may not change, with the server's reason (AMS approval and CSE oversight). */
  readOnly?: Record<string, Blocked> | undefined
  /** Whether a non-production deployment targets a stage environment (a stage-only pipeline). */
  stageOnly?: boolean
  /** [AMS] Editing: the test categories the pipeline runs (the read-only Testing list). */
  testingCategories?: AmsTestingCategory[] | undefined
  /** [AMS] Editing: the assets test files saved with the pipeline, which the edit may not remove. */
  savedTestFiles?: AssetsTestFile[] | undefined
}

export const NON_PROD_KIND_LABEL: Record<PipelineForm['nonProdKind'], string> = {
  codeQuality: 'Code Quality Pipeline',
  deployment: 'Deployment Pipeline',
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

export function ConfigurationTab(props: TabProps) {
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', gap: 16 })}>
      <PipelineIdentity {...props} />
      <TriggerAndBehavior {...props} />
    </div>
  )
}

/** The pipeline's kind (non-production: code quality or deployment) and its name. */
export function PipelineIdentity({ kind, form, errors, onChange, isEdit = false }: TabProps) {
  return (
    <>
      {kind === 'nonProduction' && isEdit ? (
        <LabeledValue label="Pipeline type (fixed once created)" value={NON_PROD_KIND_LABEL[form.nonProdKind]} />
      ) : kind === 'nonProduction' ? (
        <RadioGroup
          label="Select the type of pipeline you want to create"
          value={form.nonProdKind}
          onChange={(v) => onChange({ nonProdKind: v as PipelineForm['nonProdKind'] })}
        >
          <Radio value="codeQuality">{NON_PROD_KIND_LABEL.codeQuality}</Radio>
          <Radio value="deployment">{NON_PROD_KIND_LABEL.deployment}</Radio>
        </RadioGroup>
      ) : null}
      <TextField
        label={kind === 'nonProduction' ? 'Non-Production Pipeline Name' : 'Pipeline Name'}
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
    </>
  )
}

/** Deployment Trigger and Important Metric Failures Behavior (toggle-button groups, spec §C.1). */
export function TriggerAndBehavior({ form, errors, onChange }: TabProps) {
  return (
    <>
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
    </>
  )
}
