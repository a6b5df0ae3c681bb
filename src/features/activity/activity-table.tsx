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
        <Column isRowHeader defaultWidth="1fr" minWidth={160}>
          Name
        </Column>
        <Column defaultWidth="1fr" minWidth={180}>
          Action
        </Column>
        <Column width={110}>Status</Column>
        <Column width={225}>Start time</Column>
        <Column width={150}>Duration</Column>
        <Column defaultWidth="1fr" minWidth={200}>
          Details
        </Column>
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
                <div className={style({ display: 'flex', flexDirection: 'column' })}>
                  <span className={style({ fontWeight: 'bold' })}>{e['x-sim'].pipelineName}</span>
                  <span className={style({ font: 'detail-sm', color: 'neutral-subdued' })}>
                    {pipeline ? pipelineTypeLine(pipeline) : CATEGORY_LINE[e['x-sim'].category]}
                  </span>
                </div>
              </Cell>
              <Cell>{actionLabel(e, pipeline)}</Cell>
              <Cell>
                <StatusLight variant={status.variant}>{status.label}</StatusLight>
              </Cell>
              <Cell>{formatDateTime(e.createdAt)}</Cell>
              <Cell>{executionDuration(e)}</Cell>
              <Cell>
                <div className={style({ display: 'flex', flexDirection: 'column', font: 'detail' })}>
                  <span>
                    {[branch ? `Branch: ${branch}` : '', commit ? `Commit: ${commit}` : ''].filter(Boolean).join(' · ')}
                  </span>
                  <span>Trigger: {TRIGGER_LABEL[e.trigger]}</span>
                </div>
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
