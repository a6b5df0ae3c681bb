import { Button, Cell, Column, DialogContainer, Row, TableBody, TableHeader, TableView } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { environmentVariableQueries } from '../../api/resources/environment-variables'
import { EmptyState } from '../../components/empty-state'
import { ErrorState } from '../../components/error-state'
import { LoadingState } from '../../components/loading-state'
import { VisuallyHidden } from '../../components/visually-hidden'
import type { Environment, Variable } from '../../contract/resources'
import { variableTypeLabel } from '../variables/variable-types'
import { BlockedButton } from './blocked-button'
import { EnvironmentConfigurationDialog } from './environment-configuration-dialog'
import { serviceLabel } from './environment-labels'

/**
 * The Configuration tab (spec §A.5): the environment's variables and the Add / Update button,
 * unavailable with the server's reason (role, environment locked or not ready) when the list
 * says it is blocked.
 */
export function EnvironmentVariablesPanel({ environment }: { environment: Environment }) {
  const list = useQuery(environmentVariableQueries.list(environment))
  const [opened, setOpened] = useState(0)
  const [open, setOpen] = useState(false)
  const variables = list.data?._embedded.variables ?? []
  const label = variables.length > 0 ? 'Add / Update' : 'Add Configuration'
  const blocked = list.data?.['x-sim']?.blocked

  const action = !list.data ? (
    <Button variant="accent" isDisabled>
      {label}
    </Button>
  ) : blocked ? (
    <BlockedButton label={label} reason={blocked.reason} />
  ) : (
    <Button
      variant="accent"
      onPress={() => {
        setOpened((n) => n + 1)
        setOpen(true)
      }}
    >
      {label}
    </Button>
  )

  return (
    <section
      aria-labelledby="environment-variables-heading"
      className={style({ display: 'flex', flexDirection: 'column', gap: 12 })}
    >
      <div className={style({ display: 'flex', alignItems: 'start', justifyContent: 'space-between', gap: 16 })}>
        <h2 id="environment-variables-heading" className={style({ font: 'title-lg', margin: 0 })}>
          Environment variables
        </h2>
        {action}
      </div>
      {list.isPending ? (
        <LoadingState what="environment variables" />
      ) : list.isError ? (
        <ErrorState what="environment variables" error={list.error} onRetry={() => void list.refetch()} />
      ) : variables.length === 0 ? (
        <EmptyState heading="No environment variables yet">
          Variables configure the services of this environment; secrets are never shown again once saved.
        </EmptyState>
      ) : (
        <VariablesTable variables={variables} />
      )}
      <DialogContainer onDismiss={() => setOpen(false)}>
        {open ? <EnvironmentConfigurationDialog key={opened} environment={environment} /> : null}
      </DialogContainer>
    </section>
  )
}

function VariablesTable({ variables }: { variables: Variable[] }) {
  const items = variables.map((v) => ({ ...v, id: `${v.name}\u0000${v.service ?? ''}` }))
  return (
    <TableView aria-label="Environment variables" overflowMode="wrap" styles={style({ width: 'full' })}>
      <TableHeader>
        <Column isRowHeader minWidth={160}>
          Name
        </Column>
        <Column minWidth={160}>Value</Column>
        <Column minWidth={120}>Service Applied</Column>
        <Column minWidth={100}>Type</Column>
      </TableHeader>
      <TableBody items={items}>
        {(v) => (
          <Row id={v.id} textValue={v.name}>
            <Cell>{v.name}</Cell>
            <Cell>
              {v.type === 'secretString' ? (
                <span>
                  <span aria-hidden>••••••••</span>
                  <VisuallyHidden>Secret, not shown</VisuallyHidden>
                </span>
              ) : (
                <span className={style({ fontFamily: 'code', overflowWrap: 'anywhere' })}>{v.value ?? ''}</span>
              )}
            </Cell>
            <Cell>{serviceLabel(v.service)}</Cell>
            <Cell>{variableTypeLabel(v.type)}</Cell>
          </Row>
        )}
      </TableBody>
    </TableView>
  )
}
