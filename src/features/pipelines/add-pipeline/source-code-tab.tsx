import { ActionButton, ComboBox, ComboBoxItem, Picker, PickerItem } from '@react-spectrum/s2'
import RefreshIcon from '@react-spectrum/s2/icons/Refresh'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { Environment, Repository } from '../../../contract/resources'
import type { TabProps } from './configuration-tab'
import { ProductionOptions } from './production-options'

export interface SourceCodeTabProps extends TabProps {
  environments: Environment[]
  repositories: Repository[]
  branches: string[]
  branchesLoading: boolean
  onRefreshBranches: () => void
}

const field = style({ width: 'full', maxWidth: 400 })

/** Deployments of non-production pipelines go to a dev or a stage environment (stage = stage-only). */
const eligible = (envs: Environment[]) => envs.filter((e) => e.type === 'dev' || e.type === 'stage')

export function SourceCodeTab(props: SourceCodeTabProps) {
  const { kind, form, errors, onChange, environments, repositories, branches } = props
  const deploys = kind === 'nonProduction' && form.nonProdKind === 'deployment'
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', gap: 16 })}>
      {deploys ? (
        <Picker
          label="Eligible Deployment Environments"
          isRequired
          placeholder="Choose an environment"
          items={eligible(environments)}
          selectedKey={form.environmentId}
          onSelectionChange={(key) => onChange({ environmentId: key === null ? null : String(key) })}
          isInvalid={errors.environment !== undefined}
          errorMessage={errors.environment}
          description="Choosing a stage environment creates a stage-only pipeline."
          styles={field}
        >
          {(env) => <PickerItem id={env.id}>{`${env.name} (${env.type})`}</PickerItem>}
        </Picker>
      ) : null}
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
      {kind === 'production' ? <ProductionOptions form={form} onChange={onChange} withSchedule /> : null}
    </div>
  )
}
