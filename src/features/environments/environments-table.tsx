import { Badge, Cell, Column, DialogContainer, Link, Row, TableBody, TableHeader, TableView } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useState } from 'react'
import { VisuallyHidden } from '../../components/visually-hidden'
import { paths } from '../../config/paths'
import type { Environment } from '../../contract/resources'
import { DeleteEnvironmentDialog } from './delete-environment-dialog'
import { EnvironmentActionsMenu } from './environment-actions-menu'
import { ENVIRONMENT_TYPE_LABEL, serviceUrls } from './environment-labels'
import { EnvironmentLock } from './environment-lock'
import { EnvironmentStatus } from './environment-status'

export interface EnvironmentsTableProps {
  environments: Environment[]
  /** Fewer columns for the overview card. */
  compact?: boolean
}

/** Environments with their type, status, lock and URLs; each row opens the environment's details. */
export function EnvironmentsTable({ environments, compact = false }: EnvironmentsTableProps) {
  // Each opening gets a fresh dialog; a closing one may still be mounted while it animates out.
  const [deleting, setDeleting] = useState<{ environment: Environment; n: number } | null>(null)
  const [openings, setOpenings] = useState(0)
  return (
    <>
      <TableView aria-label="Environments" overflowMode="wrap" styles={style({ width: 'full' })}>
        <TableHeader>
          {/* The overview card is narrow: its columns give way so the actions stay in view. */}
          <Column isRowHeader minWidth={compact ? 130 : 160}>
            Name
          </Column>
          <Column minWidth={compact ? 125 : 110} {...(compact ? { maxWidth: 125 } : {})}>
            Type
          </Column>
          <Column minWidth={compact ? 100 : 160} {...(compact ? { maxWidth: 100 } : {})}>
            Status
          </Column>
          {compact ? null : <Column minWidth={80}>Region</Column>}
          {compact ? null : <Column minWidth={150}>URLs</Column>}
          <Column width={56} align="end">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Column>
        </TableHeader>
        <TableBody items={environments} dependencies={[compact, openings]}>
          {(env) => (
            <Row id={env.id} textValue={env.name} href={paths.environment.getHref(env.programId, env.id)}>
              <Cell>
                <span className={style({ fontWeight: 'bold' })}>{env.name}</span>
              </Cell>
              <Cell>
                <div className={style({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 })}>
                  <span>{ENVIRONMENT_TYPE_LABEL[env.type]}</span>
                  {env['x-sim']?.isAdditionalStage ? (
                    <Badge variant="informative" size="S">
                      Additional Staging
                    </Badge>
                  ) : null}
                </div>
              </Cell>
              <Cell>
                <EnvironmentStatus environment={env} />
                <EnvironmentLock environment={env} />
              </Cell>
              {compact ? null : <Cell>{env.region}</Cell>}
              {compact ? null : (
                <Cell>
                  <EnvironmentUrls environment={env} />
                </Cell>
              )}
              <Cell align="end">
                <EnvironmentActionsMenu
                  environment={env}
                  onDelete={(environment) => {
                    setOpenings(openings + 1)
                    setDeleting({ environment, n: openings + 1 })
                  }}
                />
              </Cell>
            </Row>
          )}
        </TableBody>
      </TableView>
      <DialogContainer onDismiss={() => setDeleting(null)}>
        {deleting ? <DeleteEnvironmentDialog key={deleting.n} environment={deleting.environment} /> : null}
      </DialogContainer>
    </>
  )
}

function EnvironmentUrls({ environment }: { environment: Environment }) {
  const urls = serviceUrls(environment)
  if (urls.length === 0) return <span className={style({ color: 'neutral-subdued' })}>—</span>
  return (
    <div className={style({ display: 'flex', flexWrap: 'wrap', gap: 12 })}>
      {urls.map((u) => (
        <Link key={u.service} href={u.href} target="_blank" rel="noreferrer" aria-label={`${u.label} URL of ${environment.name}`}>
          {u.label}
        </Link>
      ))}
    </div>
  )
}
