import { Checkbox, Disclosure, DisclosurePanel, DisclosureTitle, Radio, RadioGroup } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { ReactNode } from 'react'
import type { AmsOptions } from './ams-form'
import { AmsTestingList } from './ams-testing-list'
import { PipelineIdentity, type TabProps, TriggerAndBehavior } from './configuration-tab'
import { DispatcherConfiguration } from './dispatcher-configuration'
import { isDeployment } from './pipeline-form'

const column = style({ display: 'flex', flexDirection: 'column', gap: 16 })
const fieldset = style({ borderStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 4 })
const legend = style({ font: 'ui-sm', color: 'neutral-subdued', marginBottom: 4, padding: 0 })
const reason = style({ font: 'body-sm', color: 'neutral-subdued', margin: 0 })

type Change = (patch: Partial<AmsOptions>) => void

function Options({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className={fieldset}>
      <legend className={legend}>{title}</legend>
      {children}
    </fieldset>
  )
}

/** A setting this user may not change: shown, disabled, with the server's reason beside it. */
function Locked({ why, children }: { why: string | undefined; children: (locked: boolean) => ReactNode }) {
  return (
    <>
      {children(why !== undefined)}
      {why ? <p className={reason}>{why}</p> : null}
    </>
  )
}

/**
 * STAGE deployment options (spec §C.3, §C.4): the approval right after the stage deploy and
 * whether the load balancer is left alone while deploying.
 */
export function AmsStageOptions({ props, withApproval }: { props: TabProps; withApproval: boolean }) {
  const { form, onChange, readOnly } = props
  const change: Change = (patch) => onChange({ ams: { ...form.ams, ...patch } })
  return (
    <Options title="Deployment Options">
      {withApproval ? (
        <Locked why={readOnly?.approval?.reason}>
          {(locked) => (
            <Checkbox
              isSelected={form.ams.approveAfterStage}
              isDisabled={locked}
              onChange={(approveAfterStage) => change({ approveAfterStage })}
            >
              Approve after Stage Deployment
            </Checkbox>
          )}
        </Locked>
      ) : null}
      <Checkbox isSelected={form.ams.skipLoadBalancer} onChange={(skipLoadBalancer) => change({ skipLoadBalancer })}>
        Skip Load Balancer changes
      </Checkbox>
    </Options>
  )
}

/** PRODUCTION deployment options (spec §C.3, §C.6): Go Live Approval, Scheduled, CSE Oversight. */
export function AmsProductionOptions({ props }: { props: TabProps }) {
  const { form, onChange, errors, readOnly } = props
  const change: Change = (patch) => onChange({ ams: { ...form.ams, ...patch } })
  return (
    <Options title="Deployment Options">
      <Locked why={readOnly?.approval?.reason}>
        {(locked) => (
          <Checkbox
            isSelected={form.ams.goLiveApproval}
            isDisabled={locked}
            onChange={(goLiveApproval) => change({ goLiveApproval })}
          >
            Use Go Live Approval
          </Checkbox>
        )}
      </Locked>
      <Checkbox isSelected={form.scheduled} onChange={(scheduled) => onChange({ scheduled })}>
        Scheduled
      </Checkbox>
      <Locked why={readOnly?.cseOversight?.reason}>
        {(locked) => (
          <>
            <Checkbox
              isSelected={form.ams.cseOversight}
              isDisabled={locked}
              onChange={(cseOversight) => change({ cseOversight })}
            >
              Use CSE Oversight
            </Checkbox>
            {form.ams.cseOversight ? (
              <RadioGroup
                label="Customer Success Engineer"
                orientation="horizontal"
                value={form.ams.cse}
                isDisabled={locked}
                onChange={(v) => change({ cse: v === 'MY_CSE' ? 'MY_CSE' : 'ANY_CSE' })}
                isInvalid={errors.cse !== undefined}
                errorMessage={errors.cse}
                styles={style({ marginStart: 28 })}
              >
                <Radio value="ANY_CSE">Any CSE</Radio>
                <Radio value="MY_CSE">My CSE</Radio>
              </RadioGroup>
            ) : null}
          </>
        )}
      </Locked>
    </Options>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Disclosure defaultExpanded>
      <DisclosureTitle>{title}</DisclosureTitle>
      <DisclosurePanel>
        <div className={column}>{children}</div>
      </DisclosurePanel>
    </Disclosure>
  )
}

/**
 * Configuration of the AMS Add / Edit Production and Non-Production Pipeline dialogs (spec
 * §C.3, §C.4): the name, then the environments' options in collapsible STAGE and PRODUCTION
 * panels (production pipelines) or one Deployment Options section (non-production).
 */
export function AmsConfigurationTab(props: TabProps) {
  const { kind, form, errors, onChange, isEdit = false, stageOnly = false, testingCategories } = props
  const testing = isEdit && testingCategories ? <AmsTestingList categories={testingCategories} /> : null
  const setPaths = (key: 'lowerPaths' | 'prodPaths') => (paths: AmsOptions['lowerPaths']) =>
    onChange({ ams: { ...form.ams, [key]: paths } })
  if (kind === 'production') {
    return (
      <div className={column}>
        <PipelineIdentity {...props} />
        {testing}
        <h3 className={style({ font: 'title', margin: 0 })}>Environments</h3>
        <Section title="STAGE">
          <TriggerAndBehavior {...props} />
          <AmsStageOptions props={props} withApproval />
          <DispatcherConfiguration
            environment="Stage"
            paths={form.ams.lowerPaths}
            onChange={setPaths('lowerPaths')}
            errorMessage={errors.dispatcherLower}
          />
        </Section>
        <Section title="PRODUCTION">
          <AmsProductionOptions props={props} />
          <DispatcherConfiguration
            environment="Production"
            paths={form.ams.prodPaths}
            onChange={setPaths('prodPaths')}
            errorMessage={errors.dispatcherProd}
          />
        </Section>
      </div>
    )
  }
  return (
    <div className={column}>
      <PipelineIdentity {...props} />
      {testing}
      <TriggerAndBehavior {...props} />
      {isDeployment(kind, form) ? (
        <>
          {/* Approve after Stage Deployment is offered on editing a stage-only pipeline (spec §C.4). */}
          <AmsStageOptions props={props} withApproval={isEdit && stageOnly} />
          <DispatcherConfiguration
            environment="Deployment environment"
            paths={form.ams.lowerPaths}
            onChange={setPaths('lowerPaths')}
            errorMessage={errors.dispatcherLower}
          />
        </>
      ) : null}
    </div>
  )
}
