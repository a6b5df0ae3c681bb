import { StatusLight } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { pipelineMutations } from '../../../api/resources/pipelines'
import type { Pipeline } from '../../../contract/resources'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { problemMessage } from '../../../components/failure-message'
import { runPlan } from './run-plan'

export interface RunSelectedDialogProps {
  programId: string
  selected: Pipeline[]
  onStarted: (started: Pipeline[]) => void
}

/**
 * Run selected pipelines (N): the selection with which can start and why the others cannot;
 * Run (M) starts the M one after another (two starts never race, spec §D.12). When some fail,
 * the dialog stays open and Run again starts only those that have not started yet.
 */
export function RunSelectedDialog({ programId, selected, onStarted }: RunSelectedDialogProps) {
  const start = useMutation(pipelineMutations.start(programId))
  const [startedIds, setStartedIds] = useState<ReadonlySet<string>>(new Set())
  const plan = runPlan(selected)
  const toStart = plan.filter((e) => e.reason === undefined && !startedIds.has(e.pipeline.id)).map((e) => e.pipeline)
  const run = async () => {
    const started: Pipeline[] = []
    const failed: string[] = []
    for (const pipeline of toStart) {
      try {
        await start.mutateAsync({ pipeline })
        started.push(pipeline)
        setStartedIds((ids) => new Set([...ids, pipeline.id]))
      } catch (error) {
        failed.push(`"${pipeline.name}": ${problemMessage(error)}`)
      }
    }
    if (started.length > 0) onStarted(started)
    if (failed.length > 0) throw new Error(`Started ${started.length} of ${toStart.length}. ${failed.join(' ')}`)
  }
  const light = (id: string, reason: string | undefined) =>
    startedIds.has(id)
      ? ({ variant: 'positive', label: 'Started' } as const)
      : reason
        ? ({ variant: 'neutral', label: 'Cannot start' } as const)
        : ({ variant: 'informative', label: 'Will start' } as const)
  return (
    <ConfirmDialog
      title={`Run selected pipelines (${selected.length})`}
      confirmLabel={`Run (${toStart.length})`}
      isConfirmDisabled={toStart.length === 0}
      onConfirm={run}
    >
      <ul aria-label="Selected pipelines" className={style({ listStyleType: 'none', padding: 0, margin: 0 })}>
        {plan.map(({ pipeline, reason }) => (
          <li
            key={pipeline.id}
            className={style({
              paddingY: 8,
              borderBottomWidth: 1,
              borderStyle: 'solid',
              borderColor: 'gray-200',
              borderTopWidth: 0,
              borderXWidth: 0,
            })}
          >
            <div className={style({ font: 'body', fontWeight: 'bold' })}>{pipeline.name}</div>
            <StatusLight variant={light(pipeline.id, reason).variant}>{light(pipeline.id, reason).label}</StatusLight>
            {reason ? <div className={style({ font: 'body-sm', color: 'neutral-subdued' })}>{reason}</div> : null}
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  )
}
