import {
  ActionButton,
  Checkbox,
  ComboBox,
  ComboBoxItem,
  LabeledValue,
  Picker,
  PickerItem,
  Radio,
  RadioGroup,
  TextField,
} from '@react-spectrum/s2'
import RefreshIcon from '@react-spectrum/s2/icons/Refresh'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { Environment, Pipeline, Repository } from '../../../contract/resources'
import { ChoiceField } from './choice-field'
import type { TabProps } from './configuration-tab'
import {
  AMS_SOURCES,
  eligibleEnvironments,
  isDeployment,
  isStageOnly,
  isTargeted,
  type PipelineTests,
  productionPair,
  TARGETED_SOURCES,
  type TargetedSource,
} from './pipeline-form'
import { ProductionOptions } from './production-options'

export interface SourceCodeTabProps extends TabProps {
  environments: Environment[]
  repositories: Repository[]
  branches: string[]
  branchesLoading: boolean
  onRefreshBranches: () => void
  /** The web tier config pipeline that makes a full-stack pipeline ignore web tier config, if any. */
  webTier?: Pipeline | undefined
}

const field = style({ width: 'full', maxWidth: 400 })
const column = style({ display: 'flex', flexDirection: 'column', gap: 16 })
const legend = style({ font: 'ui-sm', color: 'neutral-subdued', marginBottom: 4 })
const fieldset = style({ borderStyle: 'none', padding: 0, margin: 0 })

const BUILD_STRATEGIES = [
  { id: 'FULL', label: 'Full Build' },
  { id: 'SMART', label: 'Smart Build (Beta)' },
] as const

const TESTS: ReadonlyArray<{ key: keyof PipelineTests; label: string }> = [
  { key: 'productFunctional', label: 'Product Functional Testing' },
  { key: 'customFunctional', label: 'Custom Functional Testing' },
  { key: 'customUi', label: 'Custom UI Testing' },
  { key: 'experienceAudit', label: 'Experience Audit' },
]

/** Stage always runs these (spec §C.2); only Custom UI Testing is a choice there. */
const ALWAYS_ON_STAGE: ReadonlyArray<keyof PipelineTests> = ['productFunctional', 'customFunctional', 'experienceAudit']

const CODE_SOURCE_LABEL = { fullStack: 'Full Stack Code', targeted: 'Targeted Deployment' } as const

const envLabel = (env: Environment) => `${env.name} (${env.type})`

/**
 * Source Code (spec §C.2, §C.4): Full Stack Code or a Targeted Deployment (Config / Front End
 * Code / Web Tier Config), where it deploys, the repository and branch, and the build and test
 * options. When editing, the code source and environments are fixed and shown read-only.
 */
export function SourceCodeTab(props: SourceCodeTabProps) {
  const { kind, form, errors, onChange, environments, repositories, branches, isEdit = false, flavour } = props
  const ams = flavour === 'ams'
  const deploys = isDeployment(kind, form)
  const offersTargeted = kind === 'production' || deploys
  const targeted = isTargeted(form)
  const stageOnly = isStageOnly(kind, form, environments)
  const eligible = eligibleEnvironments(form, environments)

  const chooseSource = (choice: 'fullStack' | 'targeted') => {
    if (choice === 'fullStack') return onChange({ codeSource: 'fullStack' })
    const env = environments.find((e) => e.id === form.environmentId)
    // Targeted deployments go to development environments only: a chosen stage is dropped.
    onChange({ codeSource: 'config', ...(env?.type === 'stage' ? { environmentId: null } : {}) })
  }
  const chooseAmsSource = (choice: 'fullStack' | 'webTierConfig') => {
    const env = environments.find((e) => e.id === form.environmentId)
    // Web tier config goes to development environments only, as other targeted deployments.
    onChange({ codeSource: choice, ...(choice !== 'fullStack' && env?.type === 'stage' ? { environmentId: null } : {}) })
  }

  return (
    <div className={column}>
      {offersTargeted && ams ? (
        isEdit ? (
          <LabeledValue
            label="Code source (fixed once created)"
            value={AMS_SOURCES.find((a) => a.id === form.codeSource)?.label ?? form.codeSource}
          />
        ) : (
          <RadioGroup
            label="Select code to deploy"
            value={form.codeSource}
            onChange={(v) => chooseAmsSource(v === 'webTierConfig' ? 'webTierConfig' : 'fullStack')}
            isInvalid={errors.codeSource !== undefined}
            errorMessage={errors.codeSource}
          >
            {AMS_SOURCES.map((a) => (
              <Radio key={a.id} value={a.id} description={a.description}>
                {a.label}
              </Radio>
            ))}
          </RadioGroup>
        )
      ) : offersTargeted ? (
        isEdit ? (
          <LabeledValue
            label="Code source (fixed once created)"
            value={
              targeted
                ? `${CODE_SOURCE_LABEL.targeted}: ${TARGETED_SOURCES.find((t) => t.id === form.codeSource)?.label ?? ''}`
                : CODE_SOURCE_LABEL.fullStack
            }
          />
        ) : (
          <RadioGroup
            label="Select code to deploy"
            value={targeted ? 'targeted' : 'fullStack'}
            onChange={(v) => chooseSource(v as 'fullStack' | 'targeted')}
            isInvalid={errors.codeSource !== undefined}
            errorMessage={errors.codeSource}
          >
            <Radio value="fullStack" description="Code for your complete AEM application.">
              {CODE_SOURCE_LABEL.fullStack}
            </Radio>
            <Radio value="targeted" description="Deploy only configuration, front end code or web tier config.">
              {CODE_SOURCE_LABEL.targeted}
            </Radio>
          </RadioGroup>
        )
      ) : null}

      {targeted && offersTargeted && !isEdit && !ams ? (
        <RadioGroup
          label="Include"
          value={form.codeSource}
          onChange={(v) => onChange({ codeSource: v as TargetedSource })}
          orientation="horizontal"
        >
          {TARGETED_SOURCES.map((t) => (
            <Radio key={t.id} value={t.id} description={t.description}>
              {t.label}
            </Radio>
          ))}
        </RadioGroup>
      ) : null}

      {deploys ? (
        isEdit ? (
          <LabeledValue
            label="Eligible Deployment Environments (fixed once created)"
            value={(() => {
              const env = environments.find((e) => e.id === form.environmentId)
              return env ? envLabel(env) : (form.environmentId ?? '')
            })()}
          />
        ) : (
          <Picker
            label="Eligible Deployment Environments"
            isRequired
            placeholder="Choose an environment"
            items={eligible}
            selectedKey={form.environmentId}
            onSelectionChange={(key) => onChange({ environmentId: key === null ? null : String(key) })}
            isInvalid={errors.environment !== undefined}
            errorMessage={errors.environment}
            description={
              targeted
                ? `${ams ? 'Web tier config pipelines' : 'Targeted deployments'} go to development environments.`
                : 'Choosing a stage environment creates a stage-only pipeline.'
            }
            styles={field}
          >
            {(env) => <PickerItem id={env.id}>{envLabel(env)}</PickerItem>}
          </Picker>
        )
      ) : null}
      {kind === 'production' ? <ProductionPair environments={environments} /> : null}

      <Picker
        label="Repository"
        isRequired
        items={repositories}
        selectedKey={form.repositoryId}
        // A branch belongs to one repository; a new repository starts from its default branch again.
        onSelectionChange={(key) => onChange({ repositoryId: key === null ? null : String(key), branch: null })}
        isInvalid={errors.repository !== undefined}
        errorMessage={errors.repository}
        styles={field}
      >
        {(repo) => <PickerItem id={repo.id}>{repo.repo}</PickerItem>}
      </Picker>
      <div className={style({ display: 'flex', alignItems: 'end', gap: 8 })}>
        <ComboBox
          label="Git Branch"
          isRequired
          items={branches.map((name) => ({ id: name, name }))}
          selectedKey={form.branch}
          onSelectionChange={(key) => onChange({ branch: key === null ? null : String(key) })}
          loadingState={props.branchesLoading ? 'loading' : 'idle'}
          isInvalid={errors.branch !== undefined}
          errorMessage={errors.branch}
          styles={field}
        >
          {(b) => <ComboBoxItem id={b.id}>{b.name}</ComboBoxItem>}
        </ComboBox>
        <ActionButton aria-label="Refresh branches" onPress={props.onRefreshBranches} isDisabled={!form.repositoryId}>
          <RefreshIcon />
        </ActionButton>
      </div>

      {targeted && offersTargeted ? (
        <TextField
          label="Code Location"
          isRequired
          value={form.codeLocation}
          onChange={(codeLocation) => onChange({ codeLocation })}
          isInvalid={errors.codeLocation !== undefined}
          errorMessage={errors.codeLocation}
          description='The folder of the code in the repository, starting with "/".'
          validationBehavior="aria"
          styles={field}
        />
      ) : null}

      {targeted ? null : (
        <>
          {ams ? null : (
            <ChoiceField
              label="Build Strategy"
              options={BUILD_STRATEGIES}
              value={form.buildStrategy}
              onChange={(buildStrategy) => onChange({ buildStrategy })}
            />
          )}
          {kind === 'nonProduction' && form.nonProdKind === 'codeQuality' ? null : (
            <Checkbox
              isSelected={form.ignoreWebTierConfig}
              onChange={(ignoreWebTierConfig) => onChange({ ignoreWebTierConfig })}
              isDisabled={props.webTier !== undefined}
            >
              Ignore Web Tier Configuration
            </Checkbox>
          )}
          {props.webTier ? (
            <p className={style({ font: 'body-sm', margin: 0, color: 'neutral-subdued' })}>
              {`"${props.webTier.name}" deploys the web tier config of this environment, so this pipeline ignores it.`}
            </p>
          ) : null}
        </>
      )}

      {kind === 'production' && !ams ? (
        <ProductionOptions form={form} onChange={onChange} withSchedule={!targeted || form.codeSource === 'webTierConfig'} />
      ) : null}

      {deploys && !targeted && !ams ? (
        <fieldset className={fieldset}>
          <legend className={legend}>Pipeline</legend>
          {TESTS.map(({ key, label }) => {
            const always = stageOnly && ALWAYS_ON_STAGE.includes(key)
            return (
              <Checkbox
                key={key}
                isSelected={always || form.tests[key]}
                isDisabled={always}
                onChange={(on) => onChange({ tests: { ...form.tests, [key]: on } })}
              >
                {label}
              </Checkbox>
            )
          })}
          <p className={style({ font: 'body-sm', margin: 0, color: 'neutral-subdued' })}>
            {stageOnly
              ? 'Product and custom functional testing and the Experience Audit always run on stage.'
              : 'Without any test, executions have no testing phase. Experience Audit adds its own tab.'}
          </p>
        </fieldset>
      ) : null}
    </div>
  )
}

/** A production pipeline always deploys to the program's stage and production pair. */
function ProductionPair({ environments }: { environments: Environment[] }) {
  const { stage, prod } = productionPair(environments)
  const names = [stage, prod].filter((e): e is Environment => e !== undefined).map(envLabel)
  return <LabeledValue label="Eligible Deployment Environments" value={names.length > 0 ? names.join(', ') : 'None'} />
}
