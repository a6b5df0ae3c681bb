import { Cell, Column, Row, TableBody, TableHeader, TableView } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { Environment, Pipeline, Repository } from '../../contract/resources'
import { formatDateTime } from '../../components/format-date'
import { DEPLOYED_CODE_LABEL, pipelineTypeLine, TRIGGER_LABEL } from './pipeline-labels'
import { PipelineNameCell } from './pipeline-name-cell'
import { PipelineStatus } from './pipeline-status'

export interface PipelinesTableProps {
  pipelines: Pipeline[]
  environments: Environment[]
  repositories: Repository[]
}

/** Environment names, the first shown and the rest counted (`weretail-stage +1`). */
function environmentsLabel(ids: string[], environments: Environment[]): string {
  const names = ids.map((id) => environments.find((e) => e.id === id)?.name ?? id)
  if (names.length === 0) return ''
  return names.length === 1 ? (names[0] as string) : `${names[0]} +${names.length - 1}`
}

export function PipelinesTable({ pipelines, environments, repositories }: PipelinesTableProps) {
  return (
    // Minimum widths keep every header readable beside the program navigation at 1280px.
    <TableView aria-label="Pipelines" overflowMode="wrap" styles={style({ width: 'full' })}>
      <TableHeader>
        <Column isRowHeader minWidth={170}>
          Name & type
        </Column>
        <Column minWidth={100}>Status</Column>
        <Column minWidth={140}>Deployed code</Column>
        <Column minWidth={120}>Repository</Column>
        <Column minWidth={80}>Branch</Column>
        <Column minWidth={135}>Environments</Column>
        <Column minWidth={110}>Trigger</Column>
        <Column minWidth={135}>Last run</Column>
      </TableHeader>
      <TableBody items={pipelines} dependencies={[environments, repositories]}>
        {(p) => {
          const s = p['x-sim']
          return (
            <Row id={p.id} textValue={`${p.name}, ${pipelineTypeLine(p)}`}>
              <Cell>
                <PipelineNameCell pipeline={p} />
              </Cell>
              <Cell>
                <PipelineStatus status={p.status} />
              </Cell>
              <Cell>{DEPLOYED_CODE_LABEL[s.codeSource]}</Cell>
              <Cell>{repositories.find((r) => r.id === s.repositoryId)?.repo ?? ''}</Cell>
              <Cell>{s.branch ?? ''}</Cell>
              <Cell>{environmentsLabel(s.environmentIds, environments)}</Cell>
              <Cell>{TRIGGER_LABEL[p.trigger]}</Cell>
              <Cell>{formatDateTime(p.lastStartedAt)}</Cell>
            </Row>
          )
        }}
      </TableBody>
    </TableView>
  )
}
