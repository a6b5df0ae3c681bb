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
import { useState } from 'react'
import { isApiError } from '../../../api/http'
import { variableMutations, variableQueries } from '../../../api/resources/variables'
import { LoadingState } from '../../../components/loading-state'
import type { Pipeline, Variable, VariableList } from '../../../contract/resources'
import { problemMessage } from '../actions/problem-message'
import {
  type Changes,
  changesOf,
  MAX_VARIABLES,
  type RowErrors,
  type RowField,
  rowErrorsOf,
  rowsOf,
  STEP_LABEL,
  STEPS,
  TYPES,
  type VariableRow,
  validateRows,
} from './variables-form'

/**
 * Variables Configuration (spec §A.6): the pipeline's variables, editable by Deployment Managers
 * while it is idle. S2's Dialog renders its children several times for its layout, so all state
 * lives here, above the Dialog.
 */
export function VariablesDialog({ pipeline }: { pipeline: Pipeline }) {
  const container = useDialogContainer()
  const list = useQuery(variableQueries.pipeline(pipeline))
  if (list.data) return <VariablesEditor pipeline={pipeline} list={list.data} onDone={() => container.dismiss()} />
  return (
    <Dialog size="XL">
      <Heading slot="title">Variables Configuration</Heading>
      <Content>
        {list.isError ? (
          <InlineAlert variant="negative">
            <Heading>The variables could not be loaded</Heading>
            <Content>{problemMessage(list.error)}</Content>
          </InlineAlert>
        ) : (
          <LoadingState what="variables" />
        )}
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={() => container.dismiss()}>
          Close
        </Button>
      </ButtonGroup>
    </Dialog>
  )
}

let nextKey = 0

function VariablesEditor({ pipeline, list, onDone }: { pipeline: Pipeline; list: VariableList; onDone: () => void }) {
  const stored = list._embedded.variables
  const blocked = list['x-sim']?.blocked
  const readOnly = blocked !== undefined
  const [rows, setRows] = useState<VariableRow[]>(() => rowsOf(stored))
  const [removed, setRemoved] = useState<Variable[]>([])
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [attempted, setAttempted] = useState(false)
  const [server, setServer] = useState<{ rows: Map<string, RowErrors>; general: string[] }>({ rows: new Map(), general: [] })
  const save = useMutation(variableMutations.patchPipeline(pipeline))

  const client = validateRows(rows)
  const errorOf = (row: VariableRow, field: RowField): string | undefined =>
    server.rows.get(row.key)?.[field] ??
    (attempted || touched.has(`${row.key}.${field}`) ? client.get(row.key)?.[field] : undefined)
  const full = rows.length >= MAX_VARIABLES

  const update = (key: string, field: RowField, value: string) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)))
    setTouched((t) => new Set([...t, `${key}.${field}`]))
    setServer((s) => {
      const current = s.rows.get(key)
      if (!current?.[field]) return s
      const next = new Map(s.rows)
      const { [field]: _dropped, ...rest } = current
      next.set(key, rest)
      return { ...s, rows: next }
    })
  }
  const add = () => {
    nextKey += 1
    setRows((rs) => [...rs, { key: `new-${nextKey}`, name: '', value: '', service: 'build', type: 'string' }])
  }
  const remove = (row: VariableRow) => {
    setRows((rs) => rs.filter((r) => r.key !== row.key))
    if (row.original) setRemoved((rm) => [...rm, row.original as Variable])
  }

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
          ToastQueue.positive(`The variables of "${pipeline.name}" were saved.`, { timeout: 5000 })
          onDone()
        },
        onError: (error) => {
          if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) {
            const mapped = rowErrorsOf(error.fieldErrors, changes.origin)
            setServer({ rows: mapped.rows, general: [...mapped.general] })
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
      <Heading slot="title">Variables Configuration</Heading>
      <Content>
        <div className={style({ display: 'flex', flexDirection: 'column', gap: 12 })}>
          <p className={style({ font: 'body', margin: 0 })}>
            {`Variables of "${pipeline.name}", given to the steps they apply to. Secret values are never shown again.`}
          </p>
          {blocked ? (
            <InlineAlert variant="informative">
              <Heading>Read only</Heading>
              <Content>{blocked.reason}</Content>
            </InlineAlert>
          ) : null}
          {server.general.length > 0 ? (
            <InlineAlert variant="negative" autoFocus>
              <Heading>The variables were not saved</Heading>
              <Content>{server.general.join(' ')}</Content>
            </InlineAlert>
          ) : hasErrors ? (
            <InlineAlert variant="negative">
              <Heading>Some variables need attention</Heading>
              <Content>Fix the fields marked below, then save again.</Content>
            </InlineAlert>
          ) : null}
          {rows.length === 0 ? (
            <p className={style({ font: 'body', margin: 0, color: 'neutral-subdued' })}>This pipeline has no variables yet.</p>
          ) : (
            <table className={style({ width: 'full', borderCollapse: 'collapse' })} aria-label="Pipeline variables">
              <thead>
                <tr className={style({ textAlign: 'start', font: 'ui-sm', color: 'neutral-subdued' })}>
                  <th scope="col" className={th}>
                    Name
                  </th>
                  <th scope="col" className={th}>
                    Value
                  </th>
                  <th scope="col" className={th}>
                    Step Applied
                  </th>
                  <th scope="col" className={th}>
                    Type
                  </th>
                  {readOnly ? null : (
                    <th scope="col" className={th}>
                      <span className={style({ visibility: 'hidden' })}>Delete</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <VariableRowView
                    key={row.key}
                    row={row}
                    index={i}
                    readOnly={readOnly}
                    errorOf={(f) => errorOf(row, f)}
                    onChange={(f, v) => update(row.key, f, v)}
                    onRemove={() => remove(row)}
                  />
                ))}
              </tbody>
            </table>
          )}
          {readOnly ? null : (
            <div>
              <ActionButton onPress={add} isDisabled={full}>
                <AddIcon />
                <Text>Add Variable</Text>
              </ActionButton>
              {full ? (
                <p className={style({ font: 'body-sm', color: 'neutral-subdued' })}>
                  {`A pipeline can have at most ${MAX_VARIABLES} variables.`}
                </p>
              ) : null}
            </div>
          )}
        </div>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={onDone}>
          {readOnly ? 'Close' : 'Cancel'}
        </Button>
        {readOnly ? null : (
          <Button variant="accent" onPress={submit} isPending={save.isPending}>
            Save
          </Button>
        )}
      </ButtonGroup>
    </Dialog>
  )
}

const th = style({ paddingY: 4, paddingEnd: 8, fontWeight: 'normal', textAlign: 'start' })
const td = style({ paddingY: 4, paddingEnd: 8, verticalAlign: 'top' })

interface RowViewProps {
  row: VariableRow
  index: number
  readOnly: boolean
  errorOf: (field: RowField) => string | undefined
  onChange: (field: RowField, value: string) => void
  onRemove: () => void
}

function VariableRowView({ row, index, readOnly, errorOf, onChange, onRemove }: RowViewProps) {
  const who = row.original ? row.original.name : `new variable ${index + 1}`
  const storedSecret = row.original?.type === 'secretString'
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
          isReadOnly={readOnly}
          isInvalid={nameError !== undefined}
          errorMessage={nameError}
          validationBehavior="aria"
          styles={style({ width: 'full' })}
        />
      </td>
      <td className={td}>
        {readOnly && row.type === 'secretString' ? (
          <span aria-label={`Value of ${who}: secret, not shown`}>••••••••</span>
        ) : (
          <TextField
            aria-label={`Value of ${who}`}
            type={row.type === 'secretString' ? 'password' : 'text'}
            value={row.value}
            onChange={(v) => onChange('value', v)}
            isReadOnly={readOnly}
            placeholder={storedSecret ? '•••••••• (unchanged)' : undefined}
            isInvalid={valueError !== undefined}
            errorMessage={valueError}
            validationBehavior="aria"
            styles={style({ width: 'full' })}
          />
        )}
      </td>
      <td className={td}>
        {readOnly ? (
          <span>{STEP_LABEL[row.service] ?? row.service}</span>
        ) : (
          <Picker
            aria-label={`Step applied of ${who}`}
            items={
              STEPS.some((s) => s.id === row.service)
                ? STEPS
                : [...STEPS, { id: row.service, label: STEP_LABEL[row.service] ?? row.service }]
            }
            selectedKey={row.service}
            onSelectionChange={(k) => k !== null && onChange('service', String(k))}
            isInvalid={serviceError !== undefined}
            errorMessage={serviceError}
            styles={style({ width: 160 })}
          >
            {(s) => <PickerItem id={s.id}>{s.label}</PickerItem>}
          </Picker>
        )}
      </td>
      <td className={td}>
        {readOnly || row.original ? (
          // A stored variable keeps its type: the server refuses a change (delete and add it again).
          <span>{TYPES.find((t) => t.id === row.type)?.label}</span>
        ) : (
          <Picker
            aria-label={`Type of ${who}`}
            items={TYPES}
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
      {readOnly ? null : (
        <td className={td}>
          <ActionButton isQuiet aria-label={`Delete ${who}`} onPress={onRemove}>
            <DeleteIcon />
          </ActionButton>
        </td>
      )}
    </tr>
  )
}
