import { Cell, Column, LinkButton, Row, TableBody, TableHeader, TableView } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { pipelineQueries } from '../../api/resources/pipelines'
import { programQueries } from '../../api/resources/programs'
import { EmptyState } from '../../components/empty-state'
import type { Pipeline } from '../../contract/resources'
import { OverviewCard } from '../../components/overview-card'
import { QueryState } from '../../components/query-state'
import { useLiveUpdates } from '../../api/use-live-updates'
import { paths } from '../../config/paths'
import { AddPipeline } from './add-pipeline'
import { pipelineTypeLine } from './pipeline-labels'
import { PipelineNameCell } from './pipeline-name-cell'
import { PipelineStatus } from './pipeline-status'

export interface PipelinesCardProps {
  programId: string
  /** Beside a pipeline's status: the execution popover's info button (composed by the route). */
  statusExtra?: (pipeline: Pipeline) => ReactNode
}

/** The Program Overview's Pipelines card (spec §B.1): at most three rows, Add and Show All. */
export function PipelinesCard({ programId, statusExtra }: PipelinesCardProps) {
  useLiveUpdates([pipelineQueries.all(), programQueries.detail(programId).queryKey])
  const pipelines = useQuery(pipelineQueries.list(programId))
  return (
    <OverviewCard
      title="Pipelines"
      footer={
        <>
          <AddPipeline programId={programId} label="Add" />
          <LinkButton variant="secondary" href={paths.pipelines.getHref(programId)} aria-label="Show all pipelines">
            Show All
          </LinkButton>
        </>
      }
    >
      <QueryState query={pipelines} what="pipelines" empty={<EmptyState heading="No pipelines yet" />}>
        {(data) => (
          <TableView aria-label="Pipelines" overflowMode="wrap" styles={style({ width: 'full' })}>
            <TableHeader>
              <Column isRowHeader>Pipelines</Column>
              <Column>Status</Column>
            </TableHeader>
            <TableBody items={data.slice(0, 3)}>
              {(p) => (
                <Row id={p.id} textValue={`${p.name}, ${pipelineTypeLine(p)}`}>
                  <Cell>
                    <PipelineNameCell pipeline={p} />
                  </Cell>
                  <Cell>
                    <div className={style({ display: 'flex', alignItems: 'center', gap: 4 })}>
                      <PipelineStatus status={p.status} paused={p['x-sim'].paused === true} />
                      {statusExtra?.(p)}
                    </div>
                  </Cell>
                </Row>
              )}
            </TableBody>
          </TableView>
        )}
      </QueryState>
    </OverviewCard>
  )
}
