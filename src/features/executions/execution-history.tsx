import { ActionButton, Content, Dialog, DialogTrigger, Heading, Link, StatusLight } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import { executionQueries } from '../../api/resources/executions'
import { formatDateTime } from '../../components/format-date'
import { LoadingState } from '../../components/loading-state'
import { ErrorState } from '../../components/error-state'
import { paths } from '../../config/paths'
import { executionStatusView, TRIGGER_WORDS } from './execution-labels'
import { currentOrFailingStep } from './step-groups'

const cell = style({ textAlign: 'start', paddingY: 4, paddingEnd: 16, font: 'body-sm' })

function HistoryTable({ programId, pipelineId, currentId }: { programId: string; pipelineId: string; currentId: string }) {
  const list = useQuery(executionQueries.list(programId, pipelineId))
  if (list.isPending) return <LoadingState what="executions" />
  if (list.isError) return <ErrorState what="executions" error={list.error} onRetry={() => void list.refetch()} />
  return (
    <table aria-label="Executions of this pipeline" className={style({ borderCollapse: 'collapse', width: 'full' })}>
      <thead>
        <tr>
          <th className={cell}>Execution ID</th>
          <th className={cell}>Started</th>
          <th className={cell}>Status</th>
          <th className={cell}>Trigger</th>
          <th className={cell}>Current/failing step</th>
        </tr>
      </thead>
      <tbody>
        {list.data.executions.map((e) => {
          const status = executionStatusView(e.status)
          const step = currentOrFailingStep(e)
          return (
            <tr key={e.id}>
              <td className={cell}>
                {e.id === currentId ? (
                  <span aria-current="page">{e.id} (this execution)</span>
                ) : (
                  <Link href={paths.execution.getHref(programId, pipelineId, e.id)}>{e.id}</Link>
                )}
              </td>
              <td className={cell}>{formatDateTime(e.createdAt)}</td>
              <td className={cell}>
                <StatusLight size="S" variant={status.tone}>
                  {status.label}
                </StatusLight>
              </td>
              <td className={cell}>{TRIGGER_WORDS[e.trigger]}</td>
              <td className={cell}>{step ? `${step['x-sim'].label} (${step.status.toLowerCase().replace('_', ' ')})` : ''}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** The pipeline's executions, newest first, with deep links (spec §I.2). */
export function ExecutionHistory({
  programId,
  pipelineId,
  currentId,
}: {
  programId: string
  pipelineId: string
  currentId: string
}) {
  return (
    <DialogTrigger>
      <ActionButton>Execution history</ActionButton>
      <Dialog size="L" isDismissible>
        <Heading slot="title">Execution history</Heading>
        <Content>
          <HistoryTable programId={programId} pipelineId={pipelineId} currentId={currentId} />
        </Content>
      </Dialog>
    </DialogTrigger>
  )
}
