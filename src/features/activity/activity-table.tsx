import { Cell, Column, Row, StatusLight, TableBody, TableHeader, TableView, type TableViewProps } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { ActivityExecution } from '../../api/resources/activity'
import { formatDateTime } from '../../components/format-date'
import type { Pipeline } from '../../contract/resources'
import { paths } from '../../config/paths'
import { pipelineTypeLine } from '../pipelines/pipeline-labels'
import { actionLabel, CATEGORY_LINE, EXECUTION_STATUS, executionDuration, sourceOf, TRIGGER_LABEL } from './activity-labels'
import { VisuallyHidden } from '../../components/visually-hidden'
import { ExecutionRowMenu } from './execution-row-menu'

/** Wraps to at most two lines inside the fixed row height. */
const twoLines = style({ whiteSpace: 'normal', lineClamp: 2, overflowWrap: 'anywhere' })
const oneLine = style({ truncate: true })

/** "Nov 30, 2026," over "11:28 AM UTC": the date and the time each on a line. */
function DateTimeLines({ iso }: { iso: string }) {
  const text = formatDateTime(iso)
  const cut = text.lastIndexOf(', ')
  if (cut < 0) return <span className={oneLine}>{text}</span>
  return (
    <div className={style({ display: 'flex', flexDirection: 'column' })}>
      <span className={oneLine}>{text.slice(0, cut + 2)}</span>
      <span className={oneLine}>{text.slice(cut + 2)}</span>
    </div>
  )
}

/**
 * Branch and short commit on the first line, the trigger on the second (spec §B.7). A long
 * branch name gives way first, so the commit stays in view; the full text is the tooltip.
 */
export function ExecutionDetails({
  branch,
  commit,
  trigger,
}: {
  branch?: string | undefined
  commit?: string | undefined
  trigger: string
}) {
  const full = [branch ? `Branch: ${branch}` : '', commit ? `Commit: ${commit}` : '', `Trigger: ${trigger}`]
    .filter(Boolean)
    .join(' · ')
  return (
    <div title={full} className={style({ display: 'flex', flexDirection: 'column', font: 'detail', minWidth: 0 })}>
      {branch || commit ? (
        <span className={style({ display: 'flex', minWidth: 0, whiteSpace: 'nowrap' })}>
          {branch ? <span className={style({ truncate: true, minWidth: 0 })}>Branch: {branch}</span> : null}
          {branch && commit ? <span className={style({ flexShrink: 0, whiteSpace: 'pre' })}> · </span> : null}
          {commit ? <span className={style({ flexShrink: 0 })}>Commit: {commit}</span> : null}
        </span>
      ) : null}
      <span className={oneLine}>Trigger: {trigger}</span>
    </div>
  )
}

export type LoadingState = NonNullable<TableViewProps['loadingState']>

export interface ActivityTableProps {
  executions: ActivityExecution[]
  pipelines: Pipeline[]
  loadingState: LoadingState
  onLoadMore: () => void
}

/**
 * Every execution of the program, newest first. TableView renders only the rows in view, and
 * rows have one fixed height (truncating, not wrapping), so a history of 100,000 executions
 * scrolls smoothly; nearing the end of what is loaded asks for the next page.
 */
export function ActivityTable({ executions, pipelines, loadingState, onLoadMore }: ActivityTableProps) {
  const byId = new Map(pipelines.map((p) => [p.id, p]))
  return (
    <TableView
      aria-label="Activity"
      density="spacious"
      loadingState={loadingState}
      onLoadMore={onLoadMore}
      styles={style({ width: 'full', height: 560 })}
    >
      <TableHeader>
        {/* Widths keep every column legible from 1280 px: Start time, Duration and Action take two lines. */}
        <Column isRowHeader defaultWidth="1fr" minWidth={140}>
          Name
        </Column>
        <Column defaultWidth="1fr" minWidth={130}>
          Action
        </Column>
        <Column width={110}>Status</Column>
        <Column width={140}>Start time</Column>
        <Column width={115}>Duration</Column>
        <Column width={285}>Details</Column>
        <Column width={56} align="end">
          {/* Named for assistive technology; the product's column has no title. */}
          <VisuallyHidden>Actions</VisuallyHidden>
        </Column>
      </TableHeader>
      <TableBody items={executions} dependencies={[byId]}>
        {(e) => {
          const pipeline = byId.get(e.pipelineId)
          const status = EXECUTION_STATUS[e.status]
          const { branch, commit } = sourceOf(e)
          return (
            <Row
              id={e.id}
              href={paths.execution.getHref(e.programId, e.pipelineId, e.id)}
              textValue={`${e['x-sim'].pipelineName}, execution ${e.id}`}
            >
              <Cell>
                <div className={style({ display: 'flex', flexDirection: 'column' })} title={e['x-sim'].pipelineName}>
                  <span className={style({ fontWeight: 'bold', truncate: true })}>{e['x-sim'].pipelineName}</span>
                  <span className={style({ font: 'detail-sm', color: 'neutral-subdued', truncate: true })}>
                    {pipeline ? pipelineTypeLine(pipeline) : CATEGORY_LINE[e['x-sim'].category]}
                  </span>
                </div>
              </Cell>
              <Cell>
                <span className={twoLines}>{actionLabel(e, pipeline)}</span>
              </Cell>
              <Cell>
                <StatusLight variant={status.variant}>{status.label}</StatusLight>
              </Cell>
              <Cell>
                <DateTimeLines iso={e.createdAt} />
              </Cell>
              <Cell>
                <span className={twoLines}>{executionDuration(e)}</span>
              </Cell>
              <Cell>
                <ExecutionDetails branch={branch} commit={commit} trigger={TRIGGER_LABEL[e.trigger]} />
              </Cell>
              <Cell align="end">
                <ExecutionRowMenu execution={e} />
              </Cell>
            </Row>
          )
        }}
      </TableBody>
    </TableView>
  )
}
