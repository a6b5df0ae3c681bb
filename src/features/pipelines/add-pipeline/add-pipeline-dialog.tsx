import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Heading,
  InlineAlert,
  Tab,
  TabList,
  TabPanel,
  Tabs,
  ToastQueue,
  useDialogContainer,
} from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { AddPipelineKind, Pipeline } from '../../../contract/resources'
import { LoadingState } from '../../../components/loading-state'
import { ADD_PIPELINE_ENTRIES, EDIT_PIPELINE_TITLES } from '../add-pipeline-kinds'
import { AmsConfigurationTab } from './ams-configuration-tab'
import { AmsStageTestingTab } from './ams-stage-testing-tab'
import { ConfigurationTab } from './configuration-tab'
import { isStageOnly, type TabKey, testingTabTitle } from './pipeline-form'
import { ProdOnlyTab } from './prod-only-tab'
import { SourceCodeTab } from './source-code-tab'
import { TestingTab } from './testing-tab'
import { useAddPipeline } from './use-add-pipeline'

export interface AddPipelineDialogProps {
  programId: string
  kind: AddPipelineKind
  /** Edit this pipeline instead of adding one: same tabs, pre-filled, its kind fixed (spec §C.7). */
  editing?: Pipeline
  /** Reopened by a reload: start from the draft typed before it, if any. */
  resume?: boolean
}

/** The Add / Edit Production, Non-Production and Production Only Pipeline wizard (spec §C). */
export function AddPipelineDialog({ programId, kind, editing, resume }: AddPipelineDialogProps) {
  const container = useDialogContainer()
  const isEdit = editing !== undefined
  const title = isEdit ? EDIT_PIPELINE_TITLES[kind] : (ADD_PIPELINE_ENTRIES.find((e) => e.kind === kind)?.label ?? 'Add Pipeline')
  const w = useAddPipeline(
    programId,
    kind,
    (saved) => {
      ToastQueue.positive(`Pipeline "${saved.name}" was ${isEdit ? 'updated' : 'created'}.`, { timeout: 5000 })
      container.dismiss()
    },
    { editing, resume },
  )
  const index = w.tabs.indexOf(w.tab)
  const isLast = index === w.tabs.length - 1
  // A tab can be visited once every tab before it is complete.
  const firstIncomplete = w.tabs.findIndex((t) => !w.isTabValid(t))
  const reachable = (i: number) => firstIncomplete === -1 || i <= firstIncomplete
  const loading = w.environments.isPending || w.repositories.isPending || w.program.isPending
  const stageOnly = isStageOnly(kind, w.form, w.environments.data ?? [])
  const ams = w.flavour === 'ams'
  const titles: Record<TabKey, string> = {
    configuration: 'Configuration',
    source: 'Source Code',
    testing: testingTabTitle(stageOnly, w.flavour),
  }
  const panel = (tab: TabKey) => {
    const common = {
      kind,
      form: w.form,
      errors: w.errors,
      onChange: w.change,
      isEdit,
      flavour: w.flavour,
      readOnly: editing?.['x-sim'].readOnlySettings,
      testingCategories: editing?.['x-sim'].testingCategories,
      savedTestFiles: editing?.['x-sim'].stageTesting.assetsTestFiles,
      stageOnly,
    }
    if (kind === 'prodOnly') return <ProdOnlyTab {...common} />
    if (tab === 'configuration') return ams ? <AmsConfigurationTab {...common} /> : <ConfigurationTab {...common} />
    if (tab === 'testing') return ams ? <AmsStageTestingTab {...common} /> : <TestingTab {...common} />
    return (
      <SourceCodeTab
        {...common}
        environments={w.environments.data ?? []}
        repositories={w.repositories.data ?? []}
        branches={w.branches.names}
        branchesLoading={w.branches.isLoading}
        onRefreshBranches={w.branches.refresh}
        webTier={w.webTier}
      />
    )
  }
  return (
    <Dialog size="L">
      <Heading slot="title">{title}</Heading>
      <Content>
        {w.restored ? (
          <InlineAlert variant="informative" styles={style({ marginBottom: 16 })}>
            <Heading>Restored what was typed before the page was reloaded</Heading>
            <Content>
              <div className={style({ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' })}>
                Check the values on every step, or clear them all.
                <Button variant="secondary" size="S" onPress={w.startOver}>
                  Start over
                </Button>
              </div>
            </Content>
          </InlineAlert>
        ) : null}
        {w.generalErrors.length > 0 ? (
          <InlineAlert variant="negative" autoFocus styles={style({ marginBottom: 16 })}>
            <Heading>{isEdit ? 'The pipeline was not updated' : 'The pipeline was not saved'}</Heading>
            <Content>{w.generalErrors.join(' ')}</Content>
          </InlineAlert>
        ) : null}
        {loading ? (
          <LoadingState what="program details" />
        ) : w.tabs.length === 1 ? (
          panel('configuration')
        ) : (
          <Tabs
            aria-label={`${title} steps`}
            selectedKey={w.tab}
            onSelectionChange={(key) => w.setTab(key as TabKey)}
            disabledKeys={w.tabs.filter((_t, i) => !reachable(i))}
          >
            <TabList>
              {w.tabs.map((t, i) => (
                <Tab key={t} id={t}>{`${i + 1} ${titles[t]}`}</Tab>
              ))}
            </TabList>
            {w.tabs.map((t) => (
              <TabPanel key={t} id={t}>
                <div className={style({ paddingTop: 16 })}>{panel(t)}</div>
              </TabPanel>
            ))}
          </Tabs>
        )}
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={() => container.dismiss()}>
          Cancel
        </Button>
        {isLast || isEdit ? (
          // Editing starts from a complete configuration, so Update is offered on every tab.
          <Button variant="accent" onPress={w.save} isPending={w.isSaving} isDisabled={loading || firstIncomplete !== -1}>
            {isEdit ? 'Update' : 'Save'}
          </Button>
        ) : (
          <Button
            variant="accent"
            onPress={() => w.setTab(w.tabs[index + 1] as TabKey)}
            isDisabled={loading || !w.isTabValid(w.tab)}
          >
            Continue
          </Button>
        )}
      </ButtonGroup>
    </Dialog>
  )
}
