import {
  ActionButton,
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Heading,
  InlineAlert,
  Text,
  useDialogContainer,
} from '@react-spectrum/s2'
import AddIcon from '@react-spectrum/s2/icons/Add'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { type QueryKey, type UseMutationOptions, type UseQueryOptions, useQuery } from '@tanstack/react-query'
import { LoadingState } from '../../components/loading-state'
import type { VariableList } from '../../contract/resources'
import { problemMessage } from '../../components/failure-message'
import { useVariablesEditor } from './use-variables-editor'
import { VariableRowView } from './variable-row'
import { limitMessage, MAX_VARIABLES } from './variables-form'
import { appliedToTitle, type PatchVariables, type VariablesScope } from './variables-scope'

interface EditVariablesDialogProps<K extends QueryKey = QueryKey> {
  scope: VariablesScope
  /** The name of the environment or pipeline that holds the variables. */
  holder: string
  query: UseQueryOptions<VariableList, Error, VariableList, K>
  /** One PATCH of the whole change list; the server refuses it whole. */
  mutation: UseMutationOptions<void, Error, PatchVariables>
}

/** The variables of an environment or a pipeline: add, edit and delete them, saved in one PATCH. */
export function EditVariablesDialog<K extends QueryKey>({ scope, holder, query, mutation }: EditVariablesDialogProps<K>) {
  const container = useDialogContainer()
  const list = useQuery(query)
  const close = () => container.dismiss()
  if (list.data) return <VariablesEditor scope={scope} holder={holder} list={list.data} mutation={mutation} onDone={close} />
  return (
    <Dialog size="XL">
      <Heading slot="title">{scope.title}</Heading>
      <Content>
        {list.isError ? (
          <InlineAlert variant="negative">
            <Heading>The variables could not be loaded</Heading>
            <Content>{problemMessage(list.error)}</Content>
          </InlineAlert>
        ) : (
          <LoadingState what={scope.tableLabel.toLowerCase()} />
        )}
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={close}>
          Close
        </Button>
        {list.isError ? (
          <Button variant="accent" isPending={list.isFetching} onPress={() => void list.refetch()}>
            Try again
          </Button>
        ) : null}
      </ButtonGroup>
    </Dialog>
  )
}

interface EditorProps extends Omit<EditVariablesDialogProps, 'query'> {
  /** The latest list: its `x-sim.blocked` may appear (a pipeline starts) while the dialog is open. */
  list: VariableList
  onDone: () => void
}

/**
 * The editing state lives here, above the `Dialog`: S2's Dialog renders its children once per
 * slot (header, body, footer), so state kept inside them would not be shared by the rows and
 * the Save button.
 */
function VariablesEditor({ scope, holder, list, mutation, onDone }: EditorProps) {
  const editor = useVariablesEditor(scope, holder, list, mutation, onDone)
  const blocked = list['x-sim']?.blocked
  const readOnly = blocked !== undefined && scope.readOnlyWhenBlocked
  const { rows } = editor
  const full = rows.length >= MAX_VARIABLES
  return (
    <Dialog size="XL">
      <Heading slot="title">{scope.title}</Heading>
      <Content>
        <div className={style({ display: 'flex', flexDirection: 'column', gap: 12 })}>
          <p className={style({ font: 'body', margin: 0 })}>{scope.intro(holder)}</p>
          {blocked ? (
            <InlineAlert variant={readOnly ? 'informative' : 'notice'}>
              <Heading>{readOnly ? 'Read only' : 'Saving is unavailable'}</Heading>
              <Content>{blocked.reason}</Content>
            </InlineAlert>
          ) : null}
          {editor.saveProblems.length > 0 ? (
            <InlineAlert variant="negative" autoFocus>
              <Heading>The variables were not saved</Heading>
              <Content>{editor.saveProblems.join(' ')}</Content>
            </InlineAlert>
          ) : editor.needsAttention ? (
            <InlineAlert variant="negative">
              <Heading>Some variables need attention</Heading>
              <Content>Fix the fields marked below, then save again. Nothing was changed.</Content>
            </InlineAlert>
          ) : null}
          {rows.length === 0 ? (
            <p className={style({ font: 'body', margin: 0, color: 'neutral-subdued' })}>{scope.empty}</p>
          ) : (
            <table className={style({ width: 'full', borderCollapse: 'collapse' })} aria-label={scope.tableLabel}>
              <thead>
                <tr>
                  {['Name', 'Value', `${appliedToTitle(scope)} Applied`, 'Type'].map((column) => (
                    <th key={column} scope="col" className={th}>
                      {column}
                    </th>
                  ))}
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
                    scope={scope}
                    row={row}
                    index={i}
                    readOnly={readOnly}
                    errors={editor.errorsOf(row)}
                    onChange={editor.update}
                    onRemove={editor.remove}
                  />
                ))}
              </tbody>
            </table>
          )}
          {readOnly ? null : (
            <div>
              <ActionButton onPress={editor.add} isDisabled={full}>
                <AddIcon />
                <Text>Add Variable</Text>
              </ActionButton>
              {full ? <p className={style({ font: 'body-sm', color: 'neutral-subdued' })}>{limitMessage(scope)}</p> : null}
            </div>
          )}
        </div>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={onDone}>
          {readOnly ? 'Close' : 'Cancel'}
        </Button>
        {readOnly ? null : (
          <Button variant="accent" onPress={editor.submit} isPending={editor.isSaving} isDisabled={blocked !== undefined}>
            Save
          </Button>
        )}
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
