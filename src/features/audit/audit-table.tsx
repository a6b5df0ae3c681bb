import { Cell, Column, Row, TableBody, TableHeader, TableView, type TableViewProps } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { getLink } from '../../api/hal'
import type { AuditEntry } from '../../api/resources/audit'
import { formatDateTime } from '../../components/format-date'
import { paths } from '../../config/paths'
import { REL } from '../../contract/rels'
import { AUDIT_ACTION_LABEL, objectLabel, whoLabel } from './audit-labels'

const twoLines = style({ whiteSpace: 'normal', lineClamp: 2, overflowWrap: 'anywhere' })

/**
 * Where an entry's row leads, while its object exists (the server links only those): the
 * execution page; a pipeline's Activity; the environment's page.
 */
export function auditTarget(programId: string, entry: AuditEntry): string | undefined {
  if (entry.executionId && entry.pipelineId && getLink(entry, REL.execution))
    return paths.execution.getHref(programId, entry.pipelineId, entry.executionId)
  if (entry.pipelineId && getLink(entry, REL.pipeline))
    return `${paths.activity.getHref(programId)}?pipelineId=${encodeURIComponent(entry.pipelineId)}`
  if (entry.environmentId && getLink(entry, REL.environment)) return paths.environment.getHref(programId, entry.environmentId)
  return undefined
}

export interface AuditTableProps {
  programId: string
  entries: AuditEntry[]
  loadingState: NonNullable<TableViewProps['loadingState']>
  onLoadMore: () => void
}

/** The trail, newest first: when, who (role), what, on what, and the details; a row opens its object. */
export function AuditTable({ programId, entries, loadingState, onLoadMore }: AuditTableProps) {
  return (
    <TableView
      aria-label="Audit"
      density="spacious"
      loadingState={loadingState}
      onLoadMore={onLoadMore}
      styles={style({ width: 'full', height: 560 })}
    >
      <TableHeader>
        <Column width={190}>When</Column>
        <Column width={190}>Who</Column>
        <Column isRowHeader defaultWidth="1fr" minWidth={160}>
          What
        </Column>
        <Column defaultWidth="1fr" minWidth={160}>
          Object
        </Column>
        <Column defaultWidth="1fr" minWidth={160}>
          Details
        </Column>
      </TableHeader>
      <TableBody items={entries}>
        {(entry) => {
          const href = auditTarget(programId, entry)
          const what = AUDIT_ACTION_LABEL[entry.action]
          return (
            <Row id={entry.id} {...(href ? { href } : {})} textValue={`${what}: ${objectLabel(entry)}`}>
              <Cell>{formatDateTime(entry.createdAt)}</Cell>
              <Cell>
                <span className={twoLines} title={entry.user}>
                  {whoLabel(entry)}
                </span>
              </Cell>
              <Cell>
                <span className={twoLines}>{what}</span>
              </Cell>
              <Cell>
                <span className={twoLines}>{objectLabel(entry)}</span>
              </Cell>
              <Cell>
                <span className={twoLines} title={entry.detail}>
                  {entry.detail ?? ''}
                </span>
              </Cell>
            </Row>
          )
        }}
      </TableBody>
    </TableView>
  )
}
