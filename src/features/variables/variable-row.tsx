import { ActionButton, Picker, PickerItem, type PickerProps, TextField } from '@react-spectrum/s2'
import DeleteIcon from '@react-spectrum/s2/icons/Delete'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { memo } from 'react'
import { VARIABLE_TYPE_OPTIONS, variableTypeLabel } from './variable-types'
import { ROW_FIELDS, type RowErrors, type RowField, type VariableRow } from './variables-form'
import { appliedToTitle, type VariablesScope } from './variables-scope'

const cell = style({ paddingY: 4, paddingEnd: 8, verticalAlign: 'top' })

/** A row with no service (all services) is keyed as this option. */
const ALL_SERVICES = 'all'

interface RowViewProps {
  scope: VariablesScope
  row: VariableRow
  index: number
  readOnly: boolean
  errors: RowErrors | undefined
  onChange: (key: string, field: RowField, value: string) => void
  onRemove: (row: VariableRow) => void
}

const sameErrors = (a: RowErrors | undefined, b: RowErrors | undefined) => ROW_FIELDS.every((f) => a?.[f] === b?.[f])

/** One row; re-rendered only when its own data or messages change (a dialog may hold 200). */
export const VariableRowView = memo(
  function VariableRowView({ scope, row, index, readOnly, errors, onChange: change, onRemove }: RowViewProps) {
    const who = row.original ? row.original.name : `new variable ${index + 1}`
    const storedSecret = row.original?.type === 'secretString'
    const onChange = (field: RowField, value: string) => change(row.key, field, value)
    const nameError = errors?.name
    const valueError = errors?.value
    const serviceKey = row.service === '' ? ALL_SERVICES : row.service
    // A stored variable may apply to a service new ones are not offered (loadTest): it stays selectable.
    const services = scope.services.some((s) => s.id === serviceKey)
      ? scope.services
      : [...scope.services, { id: serviceKey, label: scope.serviceLabel(row.service) }]
    return (
      <tr>
        <td className={cell}>
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
        <td className={cell}>
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
        <td className={cell}>
          {readOnly ? (
            <span className={text}>{scope.serviceLabel(row.service)}</span>
          ) : (
            <RowPicker
              label={`${appliedToTitle(scope)} applied of ${who}`}
              options={services}
              selected={serviceKey}
              onSelect={(key) => onChange('service', key === ALL_SERVICES ? '' : key)}
              error={errors?.service}
              styles={style({ width: 160 })}
            />
          )}
        </td>
        <td className={cell}>
          {readOnly || row.original ? (
            // A stored variable keeps its type: the server refuses a change (delete and add it again).
            <span className={text}>{variableTypeLabel(row.type)}</span>
          ) : (
            <RowPicker
              label={`Type of ${who}`}
              options={VARIABLE_TYPE_OPTIONS}
              selected={row.type}
              onSelect={(key) => onChange('type', key)}
              error={errors?.type}
              styles={style({ width: 130 })}
            />
          )}
        </td>
        {readOnly ? null : (
          <td className={cell}>
            <ActionButton isQuiet aria-label={`Delete ${who}`} onPress={() => onRemove(row)}>
              <DeleteIcon />
            </ActionButton>
          </td>
        )}
      </tr>
    )
  },
  (a, b) =>
    a.scope === b.scope &&
    a.row === b.row &&
    a.index === b.index &&
    a.readOnly === b.readOnly &&
    a.onChange === b.onChange &&
    a.onRemove === b.onRemove &&
    sameErrors(a.errors, b.errors),
)

interface RowPickerProps {
  label: string
  options: ReadonlyArray<{ id: string; label: string }>
  selected: string
  onSelect: (key: string) => void
  error: string | undefined
  styles: PickerProps<object>['styles']
}

function RowPicker({ label, options, selected, onSelect, error, styles }: RowPickerProps) {
  return (
    <Picker
      aria-label={label}
      items={options}
      selectedKey={selected}
      onSelectionChange={(k) => k !== null && onSelect(String(k))}
      isInvalid={error !== undefined}
      errorMessage={error}
      styles={styles}
    >
      {(o) => <PickerItem id={o.id}>{o.label}</PickerItem>}
    </Picker>
  )
}

const text = style({ display: 'inline-block', paddingTop: 8 })
