import { Button, Checkbox, Picker, PickerItem } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { isApiError } from '../../api/http'
import { isAmsProgram, pipelineQueries } from '../../api/resources/pipelines'
import { programQueries } from '../../api/resources/programs'
import { simMutations, simQueries } from '../../api/resources/sim'
import type { Fault, FaultCreate } from '../../contract/executions'
import type { EnvironmentType, Pipeline } from '../../contract/resources'
import { PanelSection } from './panel-section'

export const STEP_LABEL: Record<string, string> = {
  validate: 'Validation',
  build: 'Build & Unit Testing',
  codeQuality: 'Code Scanning',
  buildImage: 'Build Images',
  deploy: 'Deploy',
  productTest: 'Product Functional Testing',
  functionalTest: 'Custom Functional Testing',
  uiTest: 'Custom UI Testing',
  contentAudit: 'Experience Audit',
  approval: 'Approval',
  schedule: 'Schedule Production Deployment',
}

const ENV_LABEL: Record<EnvironmentType, string> = {
  dev: 'Development',
  stage: 'Stage',
  prod: 'Production',
  rde: 'Rapid Development',
  preprod: 'Preprod',
}

/** The step actions a pipeline runs; the API lists deploy phases' steps, the build phase's follow from the kind. */
export function stepActionsOf(p: Pipeline): string[] {
  const s = p['x-sim']
  const actions = ['validate', 'build']
  if (s.category !== 'prodOnly') actions.push('codeQuality')
  if (s.category !== 'prodOnly' && s.nonProdKind !== 'codeQuality') actions.push('buildImage')
  for (const phase of p.phases) {
    if (phase.type !== 'DEPLOY') continue
    for (const step of phase.steps ?? []) if (!actions.includes(step.name)) actions.push(step.name)
  }
  return actions.filter((a) => a in STEP_LABEL)
}

const environmentTypesOf = (p: Pipeline): EnvironmentType[] => [
  ...new Set(p.phases.flatMap((ph) => (ph.type === 'DEPLOY' && ph.environmentType ? [ph.environmentType] : []))),
]

function describeFault(f: Fault, pipelines: Pipeline[]): string {
  const name = pipelines.find((p) => p.id === f.pipelineId)?.name ?? `Pipeline ${f.pipelineId}`
  const step = `${STEP_LABEL[f.action] ?? f.action}${f.environmentType ? ` (${ENV_LABEL[f.environmentType]})` : ''}`
  const what = f.metric ? `${f.metric} metric failure` : f.status === 'PAUSED' ? 'paused' : f.status
  return `${name} · ${step} → ${what}${f.remaining > 1 ? ` (${f.remaining} times)` : ''}`
}

/** Inject a failure into the next run of a step (POST /__sim/faults), list and clear them. */
export function FaultControls({ programId }: { programId: string | undefined }) {
  const pipelines = useQuery({ ...pipelineQueries.list(programId ?? ''), enabled: programId !== undefined })
  const faults = useQuery(simQueries.faults())
  const add = useMutation(simMutations.addFault())
  const clear = useMutation(simMutations.clearFaults())
  const [pipelineId, setPipelineId] = useState<string | null>(null)
  const [action, setAction] = useState<string | null>(null)
  const [environmentType, setEnvironmentType] = useState<EnvironmentType | null>(null)
  const [status, setStatus] = useState<FaultCreate['status']>('FAILED')
  const program = useQuery({ ...programQueries.detail(programId ?? ''), enabled: programId !== undefined })
  const [metric, setMetric] = useState(false)

  const list = pipelines.data ?? []
  const pipeline = list.find((p) => p.id === pipelineId)
  const actions = pipeline ? stepActionsOf(pipeline) : []
  const envTypes = pipeline ? environmentTypesOf(pipeline) : []
  const needsEnv = action === 'deploy' && envTypes.length > 1
  const chosenEnv = action === 'deploy' ? (environmentType ?? (envTypes.length === 1 ? envTypes[0] : null)) : null
  // [AMS] Only a Managed Services deploy pauses (until someone resumes or stops it).
  const canPause = action === 'deploy' && isAmsProgram(program.data)
  const outcome = status === 'PAUSED' && !canPause ? 'FAILED' : status
  const canAdd = pipeline && action && actions.includes(action) && (!needsEnv || chosenEnv)

  const submit = () => {
    if (!canAdd || !pipeline || !action) return
    const body: FaultCreate = {
      pipelineId: pipeline.id,
      action,
      status: outcome,
      ...(chosenEnv ? { environmentType: chosenEnv } : {}),
      ...(action === 'codeQuality' && metric ? { metric: 'important' as const } : {}),
    }
    add.mutate(body)
  }

  return (
    <PanelSection title="Faults">
      {programId === undefined ? (
        <p className={style({ margin: 0, font: 'body-sm', color: 'neutral-subdued' })}>
          Open a program to inject faults into its pipelines.
        </p>
      ) : (
        <>
          <Picker
            label="Pipeline"
            size="S"
            placeholder="Choose a pipeline"
            selectedKey={pipelineId}
            onSelectionChange={(k) => {
              setPipelineId(k === null ? null : String(k))
              setAction(null)
              setEnvironmentType(null)
            }}
            items={list}
          >
            {(p) => <PickerItem id={p.id}>{p.name}</PickerItem>}
          </Picker>
          <Picker
            label="Step"
            size="S"
            placeholder="Choose a step"
            isDisabled={!pipeline}
            selectedKey={action}
            onSelectionChange={(k) => setAction(k === null ? null : String(k))}
          >
            {actions.map((a) => (
              <PickerItem key={a} id={a}>
                {STEP_LABEL[a]}
              </PickerItem>
            ))}
          </Picker>
          {action === 'deploy' && envTypes.length > 1 ? (
            <Picker
              label="Environment type"
              size="S"
              placeholder="Choose an environment"
              selectedKey={environmentType}
              onSelectionChange={(k) => setEnvironmentType(k === null ? null : (String(k) as EnvironmentType))}
            >
              {envTypes.map((t) => (
                <PickerItem key={t} id={t}>
                  {ENV_LABEL[t]}
                </PickerItem>
              ))}
            </Picker>
          ) : null}
          <Picker
            label="Outcome"
            size="S"
            selectedKey={outcome}
            onSelectionChange={(k) => setStatus(k === 'ERROR' || k === 'PAUSED' ? k : 'FAILED')}
          >
            <PickerItem id="FAILED">FAILED</PickerItem>
            <PickerItem id="ERROR">ERROR</PickerItem>
            {canPause ? <PickerItem id="PAUSED">PAUSED (resume or stop)</PickerItem> : null}
          </Picker>
          {action === 'codeQuality' ? (
            <Checkbox size="S" isSelected={metric} onChange={setMetric}>
              Important metric failure
            </Checkbox>
          ) : null}
          <div className={style({ display: 'flex', gap: 8 })}>
            <Button variant="secondary" size="S" isDisabled={!canAdd} isPending={add.isPending} onPress={submit}>
              Add fault
            </Button>
          </div>
          {add.isError ? (
            <p role="alert" className={style({ margin: 0, font: 'body-sm', color: 'negative' })}>
              {isApiError(add.error) ? (add.error.detail ?? add.error.title) : add.error.message}
            </p>
          ) : null}
        </>
      )}
      <FaultList faults={faults.data ?? []} pipelines={list} />
      <div>
        <Button
          variant="secondary"
          size="S"
          isDisabled={(faults.data ?? []).length === 0}
          isPending={clear.isPending}
          onPress={() => clear.mutate()}
        >
          Clear faults
        </Button>
      </div>
    </PanelSection>
  )
}

function FaultList({ faults, pipelines }: { faults: Fault[]; pipelines: Pipeline[] }) {
  if (faults.length === 0) return <p className={style({ margin: 0, font: 'body-sm', color: 'neutral-subdued' })}>No faults.</p>
  return (
    <ul aria-label="Injected faults" className={style({ margin: 0, paddingStart: 16, font: 'body-sm' })}>
      {faults.map((f) => (
        <li key={f.id}>{describeFault(f, pipelines)}</li>
      ))}
    </ul>
  )
}
