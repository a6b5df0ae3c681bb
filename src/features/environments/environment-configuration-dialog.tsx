import {
  ActionButton,
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Heading,
  InlineAlert,
  Picker,
  PickerItem,
  Text,
  TextField,
  ToastQueue,
  useDialogContainer,
} from '@react-spectrum/s2'
import AddIcon from '@react-spectrum/s2/icons/Add'
import DeleteIcon from '@react-spectrum/s2/icons/Delete'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation, useQuery } from '@tanstack/react-query'
import { memo, useCallback, useState } from 'react'
import { isApiError } from '../../api/http'
import { environmentVariableMutations, environmentVariableQueries } from '../../api/resources/environment-variables'
import { LoadingState } from '../../components/loading-state'
import type { Environment, Variable, VariableList } from '../../contract/resources'
import { SERVICE_OPTIONS, VARIABLE_TYPE_OPTIONS, variableTypeLabel } from './environment-labels'
import {
  type Changes,
  changesOf,
  MAX_VARIABLES,
  newRow,
  type RowErrors,
  type RowField,
  rowErrorsOf,
  rowsOf,
  type VariableRow,
  validateRows,
} from './environment-variables-form'
import { problemMessage } from './problem-message'

export const CONFIGURATION_TITLE = 'Environment Configuration'

/** Environment Configuration (spec §A.5): add, edit and delete the environment's variables, saved in one PATCH. */
export function EnvironmentConfigurationDialog({ environment }: { environment: Environment }) {
  const container = useDialogContainer()
  const list = useQuery(environmentVariableQueries.list(environment))
  if (list.data) return <ConfigurationEditor environment={environment} list={list.data} onDone={() => container.dismiss()} />
  return (
    <Dialog size="XL">
      <Heading slot="title">{CONFIGURATION_TITLE}</Heading>
      {list.isError ? (
        <>
          <Content>
            <InlineAlert variant="negative">
              <Heading>The variables could not be loaded</Heading>
              <Content>{problemMessage(list.error)}</Content>
            </InlineAlert>
          </Content>
          <ButtonGroup>
            <Button variant="secondary" onPress={() => container.dismiss()}>
              Close
            </Button>
          </ButtonGroup>
        </>
      ) : (
        <Content>
          <LoadingState what="environment variables" />
        </Content>
      )}
    </Dialog>
  )
}

interface EditorProps {
  environment: Environment
  /** The latest list: its `x-sim.blocked` may appear (a pipeline starts) while the dialog is open. */
  list: VariableList
  onDone: () => void
}

/**
 * The editing state lives here, above the `Dialog`: S2's Dialog renders its children once per
 * slot (header, body, footer), so state kept inside them would not be shared by the rows and
 * the Save button.
 */
function ConfigurationEditor({ environment, list, onDone }: EditorProps) {
  const blocked = list['x-sim']?.blocked
  // The rows start from the list as it was when the dialog opened; later refetches never overwrite typing.
  const [rows, setRows] = useState<VariableRow[]>(() => rowsOf(list._embedded.variables))
  const [removed, setRemoved] = useState<Variable[]>([])
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [attempted, setAttempted] = useState(false)
  const [server, setServer] = useState<{ rows: Map<string, RowErrors>; general: string[] }>({ rows: new Map(), general: [] })
  const save = useMutation(environmentVariableMutations.patch(environment))

  const client = validateRows(rows)
  /** What each row shows: the server's word on a field first, the client's once the field was touched or a save tried. */
  const errorsOf = (row: VariableRow): RowErrors | undefined => {
    const out: RowErrors = {}
    for (const field of ROW_FIELDS) {
      const message =
        server.rows.get(row.key)?.[field] ??
        (attempted || touched.has(`${row.key}.${field}`) ? client.get(row.key)?.[field] : undefined)
      if (message !== undefined) out[field] = message
    }
    return Object.keys(out).length > 0 ? out : undefined
  }
  const full = rows.length >= MAX_VARIABLES

  const update = useCallback((key: string, field: RowField, value: string) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)))
    setTouched((t) => new Set([...t, `${key}.${field}`]))
    // The server judged the row as a whole (a type clash is about its name too): any change clears its verdict.
    setServer((s) => {
      if (!s.rows.has(key)) return s
      const next = new Map(s.rows)
      next.delete(key)
      return { ...s, rows: next }
    })
  }, [])
  const add = () => setRows((rs) => [...rs, newRow()])
  const remove = useCallback((row: VariableRow) => {
    setRows((rs) => rs.filter((r) => r.key !== row.key))
    const original = row.original
    if (original) setRemoved((rm) => [...rm, original])
  }, [])

  const changes: Changes = changesOf(rows, removed)
  const submit = () => {
    setAttempted(true)
    if (client.size > 0) return
    if (changes.body.length === 0) return onDone()
    setServer({ rows: new Map(), general: [] })
    save.mutate(
      { list, changes: changes.body },
      {
        onSuccess: () => {
          ToastQueue.positive(`The variables of "${environment.name}" were saved.`, { timeout: 5000 })
          onDone()
        },
        onError: (error) => {
          if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) {
            setServer(rowErrorsOf(error.fieldErrors, changes.origin))
          } else {
            setServer({ rows: new Map(), general: [problemMessage(error)] })
          }
        },
      },
    )
  }

  const hasErrors = attempted && client.size > 0
  return (
    <Dialog size="XL">
      <Heading slot="title">{CONFIGURATION_TITLE}</Heading>
      <Content>
        <div className={style({ display: 'flex', flexDirection: 'column', gap: 12 })}>
          <p className={style({ font: 'body', margin: 0 })}>
            {`Variables of "${environment.name}", given to the services they apply to. Secret values are never shown again; an empty Service Applied means all services.`}
          </p>
          {blocked ? (
            <InlineAlert variant="notice">
              <Heading>Saving is unavailable</Heading>
              <Content>{blocked.reason}</Content>
            </InlineAlert>
          ) : null}
          {server.general.length > 0 ? (
            <InlineAlert variant="negative" autoFocus>
              <Heading>The variables were not saved</Heading>
              <Content>{server.general.join(' ')}</Content>
            </InlineAlert>
          ) : hasErrors || server.rows.size > 0 ? (
            <InlineAlert variant="negative">
              <Heading>Some variables need attention</Heading>
              <Content>Fix the fields marked below, then save again. Nothing was changed.</Content>
            </InlineAlert>
          ) : null}
          {rows.length === 0 ? (
            <p className={style({ font: 'body', margin: 0, color: 'neutral-subdued' })}>
              This environment has no variables yet. Use Add Variable to add one.
            </p>
          ) : (
            <table className={style({ width: 'full', borderCollapse: 'collapse' })} aria-label="Environment variables">
              <thead>
                <tr>
                  <th scope="col" className={th}>
                    Name
                  </th>
                  <th scope="col" className={th}>
                    Value
                  </th>
                  <th scope="col" className={th}>
                    Service Applied
                  </th>
                  <th scope="col" className={th}>
                    Type
                  </th>
                  <th scope="col" className={th}>
                    <span className={style({ visibility: 'hidden' })}>Delete</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <VariableRowView key={row.key} row={row} index={i} errors={errorsOf(row)} onChange={update} onRemove={remove} />
                ))}
              </tbody>
            </table>
          )}
          <div>
            <ActionButton onPress={add} isDisabled={full}>
              <AddIcon />
              <Text>Add Variable</Text>
            </ActionButton>
            {full ? (
              <p className={style({ font: 'body-sm', color: 'neutral-subdued' })}>
                {`An environment can have at most ${MAX_VARIABLES} variables.`}
              </p>
            ) : null}
          </div>
        </div>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={onDone}>
          Cancel
        </Button>
        <Button variant="accent" onPress={submit} isPending={save.isPending} isDisabled={blocked !== undefined}>
          Save
        </Button>
      </ButtonGroup>
    </Dialog>
  )
}

const th = style({
  paddingY: 4,
  paddingEnd: 8,
  fontWeight: 'normal',
  textAlign: 'start',
  font: 'ui-sm',
  color: 'neutral-subdued',
})
const td = style({ paddingY: 4, paddingEnd: 8, verticalAlign: 'top' })

const ROW_FIELDS: readonly RowField[] = ['name', 'value', 'service', 'type']

interface RowViewProps {
  row: VariableRow
  index: number
  errors: RowErrors | undefined
  onChange: (key: string, field: RowField, value: string) => void
  onRemove: (row: VariableRow) => void
}

const sameErrors = (a: RowErrors | undefined, b: RowErrors | undefined) => ROW_FIELDS.every((f) => a?.[f] === b?.[f])

/** One row; re-rendered only when its own data or messages change (a dialog may hold 200). */
const VariableRowView = memo(
  function VariableRowView({ row, index, errors, onChange: change, onRemove }: RowViewProps) {
    const who = row.original ? row.original.name : `new variable ${index + 1}`
    const storedSecret = row.original?.type === 'secretString'
    const onChange = (field: RowField, value: string) => change(row.key, field, value)
    const errorOf = (field: RowField) => errors?.[field]
    const nameError = errorOf('name')
    const valueError = errorOf('value')
    const serviceError = errorOf('service')
    const typeError = errorOf('type')
    return (
      <tr>
        <td className={td}>
          <TextField
            aria-label={`Name of ${who}`}
            value={row.name}
            onChange={(v) => onChange('name', v)}
            isInvalid={nameError !== undefined}
            errorMessage={nameError}
            validationBehavior="aria"
            styles={style({ width: 'full' })}
          />
        </td>
        <td className={td}>
          <TextField
            aria-label={`Value of ${who}`}
            type={row.type === 'secretString' ? 'password' : 'text'}
            value={row.value}
            onChange={(v) => onChange('value', v)}
            placeholder={storedSecret ? '•••••••• (unchanged)' : undefined}
            isInvalid={valueError !== undefined}
            errorMessage={valueError}
            validationBehavior="aria"
            styles={style({ width: 'full' })}
          />
        </td>
        <td className={td}>
          <Picker
            aria-label={`Service applied of ${who}`}
            items={SERVICE_OPTIONS}
            selectedKey={row.service === '' ? 'all' : row.service}
            onSelectionChange={(k) => k !== null && onChange('service', k === 'all' ? '' : String(k))}
            isInvalid={serviceError !== undefined}
            errorMessage={serviceError}
            styles={style({ width: 130 })}
          >
            {(s) => <PickerItem id={s.id}>{s.label}</PickerItem>}
          </Picker>
        </td>
        <td className={td}>
          {row.original ? (
            // A stored variable keeps its type: the server refuses a change (delete and add it again).
            <span className={style({ display: 'inline-block', paddingTop: 8 })}>{variableTypeLabel(row.type)}</span>
          ) : (
            <Picker
              aria-label={`Type of ${who}`}
              items={VARIABLE_TYPE_OPTIONS}
              selectedKey={row.type}
              onSelectionChange={(k) => k !== null && onChange('type', String(k))}
              isInvalid={typeError !== undefined}
              errorMessage={typeError}
              styles={style({ width: 130 })}
            >
              {(t) => <PickerItem id={t.id}>{t.label}</PickerItem>}
            </Picker>
          )}
        </td>
        <td className={td}>
          <ActionButton isQuiet aria-label={`Delete ${who}`} onPress={() => onRemove(row)}>
            <DeleteIcon />
          </ActionButton>
        </td>
      </tr>
    )
  },
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.onChange === b.onChange &&
    a.onRemove === b.onRemove &&
    sameErrors(a.errors, b.errors),
)
