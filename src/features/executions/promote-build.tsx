/**
 * Promote Build (spec §E.3, seed 000): the final group of a stage-only execution. Enabled only
 * when the API says so (`x-sim.canPromote`); runs the program's production only pipeline with
 * this execution's artifacts, or offers to create that pipeline first.
 */
import { AlertDialog, Button, Content, DialogContainer, Heading, InlineAlert } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { executionMutations, executionQueries } from '../../api/resources/executions'
import { pipelineQueries } from '../../api/resources/pipelines'
import type { Execution } from '../../contract/executions'
import type { Pipeline } from '../../contract/resources'
import { paths } from '../../config/paths'
import { BlockedAction } from './blocked-action'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { RunModeDialog } from '../../components/run-mode-dialog'
import { isProdDeploy } from './execution-labels'

export interface PromoteBuildProps {
  execution: Execution
  /** The Add Production Only Pipeline dialog, composed in by the route (features do not import each other). */
  renderAddProdOnlyPipeline?: (() => ReactNode) | undefined
}

type Open = 'none' | 'confirm' | 'missing' | 'create'

/** What production runs now: the newest finished production deploy of the program's production pipelines. */
function useProductionRelease(programId: string, pipelines: Pipeline[]) {
  const prodPipelines = pipelines.filter((p) => p['x-sim'].category === 'production' || p['x-sim'].category === 'prodOnly')
  const lists = useQueries({ queries: prodPipelines.map((p) => executionQueries.list(programId, p.id)) })
  let best: { execution: Execution; at: number } | undefined
  for (const list of lists) {
    for (const e of list.data?.executions ?? []) {
      const deploy = e._embedded.stepStates.find(isProdDeploy)
      if (deploy?.status !== 'FINISHED' || !deploy.finishedAt) continue
      const at = Date.parse(deploy.finishedAt)
      if (!best || at > best.at) best = { execution: e, at }
    }
  }
  return { release: best?.execution, isPending: lists.some((l) => l.isPending) }
}

function PromoteConfirm({ execution, prodOnly, onDone }: { execution: Execution; prodOnly: Pipeline; onDone: () => void }) {
  const navigate = useNavigate()
  const pipelines = useQuery(pipelineQueries.list(execution.programId))
  const { release } = useProductionRelease(execution.programId, pipelines.data ?? [])
  // A failure is told in the dialog, which stays open so that Run can be pressed again.
  const promote = useMutation({
    ...executionMutations.promote(),
    onSuccess: (created) => {
      onDone()
      void navigate(paths.execution.getHref(created.programId, created.pipelineId, created.id))
    },
  })
  const build = execution._embedded.stepStates.find((s) => s.action === 'build')
  const risk = execution['x-sim'].canPromote?.rollbackRisk ?? execution['x-sim'].rollbackRisk
  const body = (
    <>
      <p className={style({ marginTop: 0 })}>
        Run the related production only pipeline "{prodOnly.name}" to deploy the artifacts of this execution to production.
      </p>
      <ul>
        <li>
          Promoted build: version {execution.artifactsVersion}
          {build?.commitId ? `, commit ${build.commitId.slice(0, 12)}` : ''} (execution {execution.id})
        </li>
        <li>
          Production now:{' '}
          {risk
            ? `version ${risk.productionArtifactsVersion} (execution ${risk.productionExecutionId})`
            : release
              ? `version ${release.artifactsVersion} (execution ${release.id})`
              : 'nothing has been deployed to production yet'}
        </li>
      </ul>
      {risk ? (
        <InlineAlert variant="notice">
          <Heading>Possible code rollback</Heading>
          <Content>{risk.message}</Content>
        </InlineAlert>
      ) : null}
    </>
  )
  // [AMS] With Emergency Mode enabled, Normal Mode / Emergency Mode replace Run (spec §E.3).
  return prodOnly['x-sim'].runModes?.includes('EMERGENCY') ? (
    <RunModeDialog onRun={(mode) => promote.mutateAsync({ prodOnly, sourceExecutionId: execution.id, mode })}>
      {body}
    </RunModeDialog>
  ) : (
    <ConfirmDialog
      role="alertdialog"
      title="Run Pipeline"
      confirmLabel="Run"
      onConfirm={() => promote.mutateAsync({ prodOnly, sourceExecutionId: execution.id })}
    >
      {body}
    </ConfirmDialog>
  )
}

export function PromoteBuild({ execution, renderAddProdOnlyPipeline }: PromoteBuildProps) {
  const client = useQueryClient()
  const [open, setOpen] = useState<Open>('none')
  const pipelines = useQuery(pipelineQueries.list(execution.programId))
  const history = useQuery(executionQueries.list(execution.programId, execution.pipelineId))
  const info = execution['x-sim'].canPromote
  const prodOnly =
    pipelines.data?.find((p) => p.id === info?.prodOnlyPipelineId) ??
    pipelines.data?.find((p) => p['x-sim'].category === 'prodOnly')
  // The Promote Build button belongs to the latest successful stage-only execution only.
  const latestSuccessful = history.data?.executions.find((e) => e.status === 'FINISHED')
  const isLatest = execution.status === 'FINISHED' && latestSuccessful?.id === execution.id
  const missingProdOnly = isLatest && !prodOnly && pipelines.isSuccess

  let action: ReactNode
  if (info?.allowed && prodOnly) {
    action = (
      <Button variant="accent" onPress={() => setOpen('confirm')}>
        Promote Build
      </Button>
    )
  } else if (missingProdOnly && renderAddProdOnlyPipeline) {
    action = (
      <Button variant="accent" onPress={() => setOpen('missing')}>
        Promote Build
      </Button>
    )
  } else {
    let reason = info?.reason ?? 'Promote Build is not available for this execution.'
    if (execution.status !== 'FINISHED') reason = 'Only a successful stage-only execution can be promoted.'
    else if (!isLatest && latestSuccessful)
      reason = `Only the latest successful stage-only execution can be promoted (execution ${latestSuccessful.id}).`
    action = <BlockedAction label="Promote Build" reason={reason} />
  }

  const afterCreate = async () => {
    await client.invalidateQueries({ queryKey: executionQueries.all() })
    await client.invalidateQueries({ queryKey: pipelineQueries.all() })
    const list = await client.fetchQuery(pipelineQueries.list(execution.programId))
    setOpen(list.some((p) => p['x-sim'].category === 'prodOnly') ? 'confirm' : 'none')
  }

  return (
    <>
      <p className={style({ font: 'body', margin: 0 })}>You can promote the current build to your production environment.</p>
      <div>{action}</div>
      <DialogContainer onDismiss={() => setOpen('none')}>
        {open === 'confirm' && prodOnly ? (
          <PromoteConfirm execution={execution} prodOnly={prodOnly} onDone={() => setOpen('none')} />
        ) : null}
        {open === 'missing' ? (
          <AlertDialog
            title="No production only pipeline"
            variant="information"
            primaryActionLabel="Add Production Only Pipeline"
            cancelLabel="Cancel"
            onPrimaryAction={() => setOpen('create')}
          >
            There is no valid pipeline to promote this build with. Add a production only pipeline; you can then run it with the
            artifacts of this execution.
          </AlertDialog>
        ) : null}
      </DialogContainer>
      <DialogContainer onDismiss={() => void afterCreate()}>
        {open === 'create' && renderAddProdOnlyPipeline ? renderAddProdOnlyPipeline() : null}
      </DialogContainer>
    </>
  )
}
