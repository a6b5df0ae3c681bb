import { Badge, Cell, Column, Row, TableBody, TableHeader, TableView } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { Environment } from '../../contract/resources'
import { ENVIRONMENT_TYPE_LABEL } from './environment-labels'
import { EnvironmentStatus } from './environment-status'

export interface EnvironmentsTableProps {
  environments: Environment[]
  /** Fewer columns for the overview card. */
  compact?: boolean
}

export function EnvironmentsTable({ environments, compact = false }: EnvironmentsTableProps) {
  return (
    <TableView aria-label="Environments" overflowMode="wrap" styles={style({ width: 'full' })}>
      <TableHeader>
        <Column isRowHeader>Name</Column>
        <Column>Type</Column>
        <Column>Status</Column>
        {compact ? null : <Column>Region</Column>}
      </TableHeader>
      <TableBody items={environments} dependencies={[compact]}>
        {(env) => (
          <Row id={env.id} textValue={env.name}>
            <Cell>
              <span className={style({ fontWeight: 'bold' })}>{env.name}</span>
              {env['x-sim']?.isAdditionalStage ? (
                <Badge variant="informative" size="S" styles={style({ marginStart: 8 })}>
                  Additional Staging
                </Badge>
              ) : null}
            </Cell>
            <Cell>{ENVIRONMENT_TYPE_LABEL[env.type]}</Cell>
            <Cell>
              <EnvironmentStatus environment={env} />
            </Cell>
            {compact ? null : <Cell>{env.region}</Cell>}
          </Row>
        )}
      </TableBody>
    </TableView>
  )
}
