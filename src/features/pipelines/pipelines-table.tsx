import { Cell, Column, type Key, Row, type Selection, TableBody, TableHeader, TableView, ToggleButton } from '@react-spectrum/s2'
import Star from '@react-spectrum/s2/icons/Star'
import StarFilled from '@react-spectrum/s2/icons/StarFilled'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { ReactNode } from 'react'
import { formatDateTime } from '../../components/format-date'
import { paths } from '../../config/paths'
import type { Environment, Pipeline, Repository } from '../../contract/resources'
import { VisuallyHidden } from '../../components/visually-hidden'
import { type PipelineAction, PipelineActionsMenu } from './actions/pipeline-actions-menu'
import { DEPLOYED_CODE_LABEL, pipelineTypeLine, TRIGGER_LABEL } from './pipeline-labels'
import { PipelineNameCell } from './pipeline-name-cell'
import { PipelineStatus } from './pipeline-status'

export interface PipelinesTableProps {
  pipelines: Pipeline[]
  environments: Environment[]
  repositories: Repository[]
  selectedKeys: Set<string>
  onSelectionChange: (keys: Set<string>) => void
  onAction: (action: PipelineAction, pipeline: Pipeline) => void
  onFavorite: (pipeline: Pipeline, favorite: boolean) => void
  /** Shown instead of rows when the filters let nothing through. */
  empty?: ReactNode
  /** Extra content after a pipeline's status, such as the execution popover. */
  statusExtra?: (pipeline: Pipeline) => ReactNode
}

/** Environment names, the first shown and the rest counted (`weretail-stage +1`). */
function environmentsLabel(ids: string[], environments: Environment[]): string {
  const names = ids.map((id) => environments.find((e) => e.id === id)?.name ?? id)
  if (names.length === 0) return ''
  return names.length === 1 ? (names[0] as string) : `${names[0]} +${names.length - 1}`
}

/**
 * The Pipelines table (spec §B.2): checkbox selection for Run selected, a favourite star, the
 * row's … menu; a row opens its last execution. Statuses refresh while a pipeline runs.
 */
export function PipelinesTable(props: PipelinesTableProps) {
  const { pipelines, environments, repositories, selectedKeys, onAction, onFavorite } = props
  const select = (keys: Selection) =>
    props.onSelectionChange(new Set(keys === 'all' ? pipelines.map((p) => p.id) : [...keys].map((k: Key) => String(k))))
  return (
    // Minimum widths keep every header readable beside the program navigation at 1280px.
    <TableView
      aria-label="Pipelines"
      overflowMode="wrap"
      selectionMode="multiple"
      selectedKeys={selectedKeys}
      onSelectionChange={select}
      styles={style({ width: 'full' })}
    >
      <TableHeader>
        <Column width={56}>
          <VisuallyHidden>Favourite</VisuallyHidden>
        </Column>
        <Column isRowHeader minWidth={170}>
          Name & type
        </Column>
        <Column minWidth={110}>Status</Column>
        <Column minWidth={110}>Deployed code</Column>
        <Column minWidth={110}>Repository</Column>
        <Column minWidth={80}>Branch</Column>
        <Column minWidth={135}>Environments</Column>
        <Column minWidth={100}>Trigger</Column>
        <Column minWidth={135}>Last run</Column>
        <Column width={56} align="end">
          <VisuallyHidden>Actions</VisuallyHidden>
        </Column>
      </TableHeader>
      <TableBody
        items={pipelines}
        dependencies={[environments, repositories, onAction, onFavorite]}
        renderEmptyState={() => props.empty ?? null}
      >
        {(p) => {
          const s = p['x-sim']
          const last = s.lastExecutionId
          return (
            <Row
              id={p.id}
              textValue={`${p.name}, ${pipelineTypeLine(p)}`}
              {...(last ? { href: paths.execution.getHref(p.programId, p.id, last) } : {})}
            >
              <Cell>
                <ToggleButton
                  isQuiet
                  size="S"
                  aria-label={`Mark ${p.name} as favourite`}
                  isSelected={s.favorite}
                  onChange={(favorite) => onFavorite(p, favorite)}
                >
                  {s.favorite ? <StarFilled /> : <Star />}
                </ToggleButton>
              </Cell>
              <Cell>
                <PipelineNameCell pipeline={p} />
              </Cell>
              <Cell>
                <div className={style({ display: 'flex', alignItems: 'center', gap: 4 })}>
                  <PipelineStatus status={p.status} paused={p['x-sim'].paused === true} />
                  {props.statusExtra?.(p)}
                </div>
              </Cell>
              <Cell>{DEPLOYED_CODE_LABEL[s.codeSource]}</Cell>
              <Cell>{repositories.find((r) => r.id === s.repositoryId)?.repo ?? ''}</Cell>
              <Cell>{s.branch ?? ''}</Cell>
              <Cell>{environmentsLabel(s.environmentIds, environments)}</Cell>
              <Cell>{TRIGGER_LABEL[p.trigger]}</Cell>
              <Cell>{formatDateTime(p.lastStartedAt)}</Cell>
              <Cell align="end">
                <PipelineActionsMenu pipeline={p} onAction={onAction} />
              </Cell>
            </Row>
          )
        }}
      </TableBody>
    </TableView>
  )
}
