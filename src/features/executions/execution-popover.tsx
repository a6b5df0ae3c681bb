/**
 * The execution popover (spec §B.3): an info button beside a pipeline's status that opens
 * "Pipeline Execution #<id>" with its start time, the pipeline id, one row per phase group
 * (STAGES | STEP | STATUS, the step as `<done>/<total> · <current or next step>`) and
 * **View details**, which opens the execution page.
 *
 * Where it goes: the STATUS cell of the Pipelines table and the Pipelines card (spec §B.1, §B.2)
 * when the pipeline is running or has run, and the STATUS cell of the Activity page (§B.7).
 */
import { ActionButton, DialogTrigger, LinkButton, Popover, StatusLight } from '@react-spectrum/s2'
import InfoCircle from '@react-spectrum/s2/icons/InfoCircle'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { executionQueries } from '../../api/resources/executions'
import type { Execution } from '../../contract/executions'
import { ErrorState } from '../../components/error-state'
import { formatDateTime } from '../../components/format-date'
import { LoadingState } from '../../components/loading-state'
import { paths } from '../../config/paths'
import { executionStatusView, type Tone } from './execution-labels'
import { type GroupState, groupProgress, stepGroups } from './step-groups'

export interface ExecutionPopoverProps {
  programId: string
  pipelineId: string
  /** For the button's accessible name: "Execution details for <pipeline>". */
  pipelineName: string
  /** The pipeline's current or last execution. */
  executionId: string
  /** Refresh interval while the execution runs and the popover is open (ms); `false` for none. */
  pollMs?: number | false
}

/** Colour always comes with a word (spec §B.4). */
const GROUP_STATUS: Record<GroupState, { label: string; tone: Tone }> = {
  done: { label: 'Finished', tone: 'positive' },
  active: { label: 'Running', tone: 'informative' },
  failed: { label: 'Failed', tone: 'negative' },
  pending: { label: 'Not started', tone: 'neutral' },
}

const cell = style({ textAlign: 'start', paddingY: 4, paddingEnd: 16, font: 'body-sm' })
const head = style({ textAlign: 'start', paddingY: 4, paddingEnd: 16, font: 'detail-sm', textTransform: 'uppercase' })

/** Label of a phase group's status; a waiting step reads as "Waiting". */
function groupStatus(execution: Execution, state: GroupState, waiting: boolean): { label: string; tone: Tone } {
  if (state === 'active' && waiting) return { label: 'Waiting', tone: 'notice' }
  if (state === 'failed' && execution.status === 'CANCELLED') return { label: 'Cancelled', tone: 'neutral' }
  return GROUP_STATUS[state]
}

export function ExecutionSummaryTable({ execution }: { execution: Execution }) {
  const groups = stepGroups(execution)
  return (
    <table aria-label="Phases of the execution" className={style({ borderCollapse: 'collapse', width: 'full' })}>
      <thead>
        <tr>
          <th scope="col" className={head}>
            Stages
          </th>
          <th scope="col" className={head}>
            Step
          </th>
          <th scope="col" className={head}>
            Status
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => {
          const status = groupStatus(
            execution,
            g.state,
            g.steps.some((s) => s.status === 'WAITING'),
          )
          return (
            <tr key={g.key}>
              <th scope="row" className={cell}>
                {g.title}
              </th>
              <td className={cell}>{groupProgress(g)}</td>
              <td className={cell}>
                <StatusLight size="S" variant={status.tone}>
                  {status.label}
                </StatusLight>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

function PopoverBody({ programId, pipelineId, executionId, pollMs }: Omit<ExecutionPopoverProps, 'pipelineName'>) {
  const execution = useQuery(executionQueries.detail(programId, pipelineId, executionId, { pollMs: pollMs ?? false }))
  if (execution.isPending) return <LoadingState what="execution" />
  if (execution.isError)
    return <ErrorState what={`execution ${executionId}`} error={execution.error} onRetry={() => void execution.refetch()} />
  const e = execution.data
  const status = executionStatusView(e.status)
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', gap: 12 })}>
      <dl className={style({ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 8, rowGap: 4, margin: 0 })}>
        <dt className={style({ font: 'body-sm', fontWeight: 'bold' })}>Start time:</dt>
        <dd className={style({ font: 'body-sm', margin: 0 })}>{formatDateTime(e.createdAt)}</dd>
        <dt className={style({ font: 'body-sm', fontWeight: 'bold' })}>Pipeline ID:</dt>
        <dd className={style({ font: 'body-sm', margin: 0 })}>#{e.pipelineId}</dd>
        <dt className={style({ font: 'body-sm', fontWeight: 'bold' })}>Status:</dt>
        <dd className={style({ font: 'body-sm', margin: 0 })}>{status.label}</dd>
      </dl>
      <ExecutionSummaryTable execution={e} />
    </div>
  )
}

/** The info (i) button and its popover. */
export function ExecutionPopover({ programId, pipelineId, pipelineName, executionId, pollMs = 2_000 }: ExecutionPopoverProps) {
  const headingId = useId()
  return (
    <DialogTrigger>
      <ActionButton isQuiet size="S" aria-label={`Execution details for ${pipelineName}`}>
        <InfoCircle />
      </ActionButton>
      <Popover aria-labelledby={headingId} placement="bottom start" size="L">
        <div className={style({ display: 'flex', flexDirection: 'column', gap: 12 })}>
          <h2 id={headingId} className={style({ font: 'title', margin: 0 })}>
            Pipeline Execution #{executionId}
          </h2>
          <PopoverBody programId={programId} pipelineId={pipelineId} executionId={executionId} pollMs={pollMs} />
          <div className={style({ display: 'flex', justifyContent: 'end' })}>
            <LinkButton variant="secondary" href={paths.execution.getHref(programId, pipelineId, executionId)}>
              View details
            </LinkButton>
          </div>
        </div>
      </Popover>
    </DialogTrigger>
  )
}
