import { Button, DialogContainer, Text, ToastQueue } from '@react-spectrum/s2'
import PlayIcon from '@react-spectrum/s2/icons/Play'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { hasPromotableLink, pipelineMutations } from '../../api/resources/pipelines'
import { EmptyState } from '../../components/empty-state'
import { PageHeading } from '../../components/page-heading'
import { QueryState } from '../../components/query-state'
import { paths } from '../../config/paths'
import type { ExecutionMode, Pipeline } from '../../contract/resources'
import { RunModeDialog } from '../../components/run-mode-dialog'
import { ConfirmDialog } from '../../components/confirm-dialog'
import type { PipelineAction } from './actions/pipeline-actions-menu'
import { problemMessage } from '../../components/failure-message'
import { RunProdOnlyDialog } from './actions/run-prod-only-dialog'
import { RunSelectedDialog } from './actions/run-selected-dialog'
import { isStarting } from './actions/starting'
import { AddPipeline } from './add-pipeline'
import { kindOf } from './add-pipeline-kinds'
import { LazyAddPipelineDialog } from './add-pipeline/lazy-add-pipeline-dialog'
import { isFiltered, NO_FILTERS, type PipelineFilters, visiblePipelines } from './pipeline-filters'
import { PipelineFiltersBar } from './pipeline-filters-bar'
import { PipelinesTable } from './pipelines-table'
import { usePipelinesView } from './use-pipelines-view'
import { LazyVariablesDialog, loadVariablesDialog } from './variables/lazy-variables-dialog'
import { noteOwnStart } from '../notifications/own-starts'

type DialogRequest =
  | { kind: 'edit' | 'delete' | 'cancel' | 'variables' | 'runProdOnly' | 'runMode'; pipeline: Pipeline }
  | { kind: 'runSelected'; pipelines: Pipeline[] }
/** Each opening gets a fresh dialog (`n`); a closing one may still be mounted while it animates out. */
type OpenDialog = DialogRequest & { n: number }

const toastError = (what: string, error: unknown) => ToastQueue.negative(`${what}: ${problemMessage(error)}`, { timeout: 8000 })

export interface PipelinesPageProps {
  programId: string
  /** Extra content for a pipeline's status cell (the execution popover, composed by the route). */
  statusExtra?: (pipeline: Pipeline) => ReactNode
}

export function PipelinesPage({ programId, statusExtra }: PipelinesPageProps) {
  const { pipelines, environments, repositories } = usePipelinesView(programId)
  const navigate = useNavigate()
  const [filters, setFilters] = useState<PipelineFilters>(NO_FILTERS)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [dialog, setDialog] = useState<OpenDialog | null>(null)
  const [count, setCount] = useState(0)
  const open = (d: DialogRequest) => {
    setCount((c) => c + 1)
    setDialog({ ...d, n: count + 1 })
  }

  const queryClient = useQueryClient()
  const start = useMutation(pipelineMutations.start(programId))
  const cancel = useMutation(pipelineMutations.cancel(programId))
  const remove = useMutation(pipelineMutations.remove(programId))
  const favorite = useMutation(pipelineMutations.favorite(programId))

  const all = pipelines.data ?? []
  // The selection keeps only pipelines that still exist.
  const selection = all.filter((p) => selected.has(p.id))

  const startedToast = (pipeline: Pipeline, executionId: string) => {
    noteOwnStart(executionId)
    // Neutral, not positive: S2 draws a positive toast's action button below 4.5:1 contrast.
    return ToastQueue.neutral(`"${pipeline.name}" started (execution ${executionId}).`, {
      timeout: 5000,
      actionLabel: 'View details',
      onAction: () => void navigate(paths.execution.getHref(programId, pipeline.id, executionId)),
      shouldCloseOnAction: true,
    })
  }

  const run = (pipeline: Pipeline): void => {
    if (hasPromotableLink(pipeline)) return open({ kind: 'runProdOnly', pipeline })
    // [AMS] With Emergency Mode enabled the user chooses the mode first (spec §D.11).
    if (pipeline['x-sim'].runModes?.includes('EMERGENCY')) return open({ kind: 'runMode', pipeline })
    // One start per pipeline at a time: Run again while one is on its way sends nothing.
    if (isStarting(queryClient, pipeline)) return
    start
      .mutateAsync({ pipeline })
      .then((execution) => startedToast(pipeline, execution.id))
      .catch((error: unknown) =>
        // Sending it again is safe: had the server received the first, the second is refused (412), never run twice.
        ToastQueue.negative(`"${pipeline.name}" did not start: ${problemMessage(error)}`, {
          actionLabel: 'Try again',
          onAction: () => run(pipeline),
          shouldCloseOnAction: true,
        }),
      )
  }

  const runInMode = async (pipeline: Pipeline, mode: ExecutionMode) => {
    const execution = await start.mutateAsync({ pipeline, mode })
    startedToast(pipeline, execution.id)
  }

  const onAction = (action: PipelineAction, pipeline: Pipeline) => {
    switch (action) {
      case 'run':
        return run(pipeline)
      case 'details':
        // The menu item is a link; nothing else to do.
        return
      case 'variables':
        // Opened once its module is here (usually already, since the menu opened), never half-loaded.
        return void loadVariablesDialog().then(
          () => open({ kind: 'variables', pipeline }),
          (error: unknown) => toastError('Variables Configuration could not be opened', error),
        )
      default:
        return open({ kind: action, pipeline })
    }
  }
  const onFavorite = (pipeline: Pipeline, on: boolean) =>
    favorite.mutate(
      { pipeline, favorite: on },
      { onError: (error) => toastError(`"${pipeline.name}" could not be ${on ? 'starred' : 'unstarred'}`, error) },
    )

  const shown = visiblePipelines(all, filters)

  return (
    <>
      <PageHeading
        title="Pipelines"
        actions={
          <div className={style({ display: 'flex', gap: 8 })}>
            {selection.length > 0 ? (
              <Button variant="secondary" onPress={() => open({ kind: 'runSelected', pipelines: selection })}>
                <PlayIcon />
                <Text>{`Run selected (${selection.length})`}</Text>
              </Button>
            ) : null}
            <AddPipeline programId={programId} />
          </div>
        }
      />
      <QueryState
        query={pipelines}
        what="pipelines"
        empty={
          <EmptyState heading="No pipelines yet">
            Use Add Pipeline to create a production, non-production or production only pipeline.
          </EmptyState>
        }
      >
        {() => (
          <>
            <PipelineFiltersBar filters={filters} environments={environments} onChange={setFilters} />
            <PipelinesTable
              pipelines={shown}
              environments={environments}
              repositories={repositories}
              selectedKeys={selected}
              onSelectionChange={setSelected}
              onAction={onAction}
              onFavorite={onFavorite}
              statusExtra={statusExtra}
              empty={
                isFiltered(filters) ? (
                  <EmptyState heading="No pipelines match the filters">Change or clear the filters.</EmptyState>
                ) : null
              }
            />
          </>
        )}
      </QueryState>
      <DialogContainer onDismiss={() => setDialog(null)}>
        {dialog === null ? null : dialog.kind === 'edit' ? (
          <LazyAddPipelineDialog key={dialog.n} programId={programId} kind={kindOf(dialog.pipeline)} editing={dialog.pipeline} />
        ) : dialog.kind === 'variables' ? (
          <LazyVariablesDialog key={dialog.n} pipeline={dialog.pipeline} />
        ) : dialog.kind === 'runMode' ? (
          <RunModeDialog key={dialog.n} onRun={(mode) => runInMode(dialog.pipeline, mode)}>
            <p className={style({ font: 'body', marginBottom: 0 })}>{`Pipeline: ${dialog.pipeline.name}`}</p>
          </RunModeDialog>
        ) : dialog.kind === 'runProdOnly' ? (
          <RunProdOnlyDialog
            key={dialog.n}
            pipeline={dialog.pipeline}
            onStarted={() => ToastQueue.positive(`"${dialog.pipeline.name}" started.`, { timeout: 5000 })}
          />
        ) : dialog.kind === 'delete' ? (
          <ConfirmDialog
            key={dialog.n}
            title={`Delete ${dialog.pipeline.name}?`}
            confirmLabel="Delete"
            variant="negative"
            onConfirm={async () => {
              await remove.mutateAsync(dialog.pipeline)
              ToastQueue.positive(`Pipeline "${dialog.pipeline.name}" was deleted.`, { timeout: 5000 })
            }}
          >
            {`Deleting "${dialog.pipeline.name}" removes its configuration, its variables and its whole execution history. This cannot be undone.`}
          </ConfirmDialog>
        ) : dialog.kind === 'cancel' ? (
          <ConfirmDialog
            key={dialog.n}
            title={`Cancel the execution of ${dialog.pipeline.name}?`}
            confirmLabel="Cancel execution"
            dismissLabel="Keep running"
            variant="negative"
            onConfirm={async () => {
              const execution = await cancel.mutateAsync(dialog.pipeline)
              ToastQueue.info(`Execution ${execution.id} of "${dialog.pipeline.name}" is being cancelled.`, { timeout: 5000 })
            }}
          >
            {`The step that is running or waiting stops, and execution ${dialog.pipeline['x-sim'].currentExecutionId ?? ''} ends as Cancelled.`}
          </ConfirmDialog>
        ) : dialog.kind === 'runSelected' ? (
          <RunSelectedDialog
            key={dialog.n}
            programId={programId}
            selected={dialog.pipelines}
            onStarted={(started) => {
              setSelected(new Set())
              ToastQueue.positive(`${started.length} pipeline${started.length === 1 ? '' : 's'} started.`, { timeout: 5000 })
            }}
          />
        ) : null}
      </DialogContainer>
    </>
  )
}
