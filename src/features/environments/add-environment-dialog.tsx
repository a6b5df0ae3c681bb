import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Form,
  Heading,
  InlineAlert,
  Picker,
  PickerItem,
  Radio,
  RadioGroup,
  TextArea,
  TextField,
  ToastQueue,
  useDialogContainer,
} from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation } from '@tanstack/react-query'
import { Fragment, useRef, useState } from 'react'
import { isApiError } from '../../api/http'
import { environmentMutations } from '../../api/resources/environments'
import { problemMessage } from '../../components/failure-message'
import { NO_SERVER_ERRORS, useFormFields } from '../../components/use-form-fields'
import type { Environment, EnvironmentCreate } from '../../contract/resources'
import {
  type AddEnvironmentForm,
  type AddEnvironmentOffer,
  createSteps,
  type EnvironmentChoice,
  emptyForm,
  MAX_DESCRIPTION,
  MAX_NAME,
  type NameOrDescriptionField,
  regionOptions,
  stepErrorsOf,
  type TypeOption,
  typeOptions,
  validateAddEnvironment,
} from './add-environment-form'

export const ADD_ENVIRONMENT_TITLE = 'Add Environment'

export interface AddEnvironmentDialogProps {
  programId: string
  offer: AddEnvironmentOffer
  /** The program's region, offered first. */
  programRegion: string | undefined
}

/** One environment's name and description fields. */
interface Half {
  type: EnvironmentCreate['type'] | undefined
  nameLabel: string
  nameField: NameOrDescriptionField
  descriptionLabel: string
  descriptionField: NameOrDescriptionField
}
const SINGLE: Half = {
  type: undefined,
  nameLabel: 'Name',
  nameField: 'name',
  descriptionLabel: 'Description',
  descriptionField: 'description',
}
const PAIR_HALVES: Half[] = [
  {
    type: 'prod',
    nameLabel: 'Production name',
    nameField: 'prodName',
    descriptionLabel: 'Production description',
    descriptionField: 'prodDescription',
  },
  {
    type: 'stage',
    nameLabel: 'Stage name',
    nameField: 'stageName',
    descriptionLabel: 'Stage description',
    descriptionField: 'stageDescription',
  },
]

/** "Production + Stage: This program already has…", one sentence per type the server refuses. */
const unavailableTypes = (options: readonly TypeOption[]) =>
  options
    .filter((o) => !o.allowed)
    .map((o) => `${o.label}: ${o.reason}`)
    .join(' ')

/** Spec §A.3: type, name, optional description (one pair each for Production + Stage), primary region. */
export function AddEnvironmentDialog({ programId, offer, programRegion }: AddEnvironmentDialogProps) {
  const container = useDialogContainer()
  // Once half of Production + Stage exists the server refuses the pair; the choice made stays.
  const [frozenOptions, setFrozenOptions] = useState<TypeOption[] | null>(null)
  const options = frozenOptions ?? typeOptions(offer)
  const { form, change, errorOf, isValid, touchAll, setServer, server } = useFormFields<AddEnvironmentForm>(
    () => emptyForm(options, programRegion),
    (f) => validateAddEnvironment(f, options),
  )
  const [created, setCreated] = useState<Environment[]>([])
  const [saving, setSaving] = useState(false)
  const create = useMutation(environmentMutations.create(programId))

  // Set before the re-render that marks Save pending: a double click creates one environment.
  const sending = useRef(false)
  const save = async () => {
    if (!isValid || sending.current) return
    sending.current = true
    setSaving(true)
    setServer(NO_SERVER_ERRORS)
    const done = [...created]
    for (const step of createSteps(form).filter((s) => !done.some((e) => e.type === s.body.type))) {
      try {
        done.push(await create.mutateAsync(step.body))
        setCreated([...done])
        setFrozenOptions((frozen) => frozen ?? options)
      } catch (error) {
        const fromServer = isApiError(error) ? stepErrorsOf(step, error.fieldErrors) : NO_SERVER_ERRORS
        const general = Object.keys(fromServer.fields).length > 0 ? fromServer.general : [problemMessage(error)]
        const partial = done.map((e) => `"${e.name}" was added; "${step.body.name}" was not.`)
        setServer({ fields: fromServer.fields, general: general.length > 0 ? [...partial, ...general] : partial })
        sending.current = false
        setSaving(false)
        return
      }
    }
    const names = done.map((e) => `"${e.name}"`)
    ToastQueue.neutral(
      names.length === 1 ? `Environment ${names[0]} is being created.` : `Environments ${names.join(' and ')} are being created.`,
      { timeout: 5000 },
    )
    container.dismiss()
  }
  const submit = () => {
    touchAll()
    void save()
  }

  const nameFields = (half: Half) => {
    const { nameField, descriptionField } = half
    // After a partial save, the half that exists is shown as it was sent.
    const isCreated = created.some((e) => e.type === half.type)
    return (
      <Fragment key={nameField}>
        <TextField
          label={half.nameLabel}
          isRequired
          isReadOnly={isCreated}
          value={form[nameField]}
          onChange={(value) => change({ [nameField]: value })}
          isInvalid={errorOf(nameField) !== undefined}
          errorMessage={errorOf(nameField)}
          description={`Up to ${MAX_NAME} characters; it cannot be changed later.`}
        />
        <TextArea
          label={half.descriptionLabel}
          isReadOnly={isCreated}
          value={form[descriptionField]}
          onChange={(value) => change({ [descriptionField]: value })}
          isInvalid={errorOf(descriptionField) !== undefined}
          errorMessage={errorOf(descriptionField)}
          description={`Optional, up to ${MAX_DESCRIPTION} characters.`}
        />
      </Fragment>
    )
  }

  return (
    <Dialog size="M">
      <Heading slot="title">{ADD_ENVIRONMENT_TITLE}</Heading>
      <Content>
        <div className={style({ display: 'flex', flexDirection: 'column', gap: 16 })}>
          {server.general.length > 0 ? (
            <InlineAlert variant="negative" autoFocus>
              <Heading>{created.length > 0 ? 'Not every environment was added' : 'The environment was not added'}</Heading>
              <Content>{server.general.join(' ')}</Content>
            </InlineAlert>
          ) : null}
          <Form
            validationBehavior="aria"
            onSubmit={(e) => {
              e.preventDefault()
              submit()
            }}
          >
            <RadioGroup
              label="Environment type"
              isRequired
              isDisabled={created.length > 0}
              value={form.type}
              onChange={(type) => change({ type: type as EnvironmentChoice })}
              isInvalid={errorOf('type') !== undefined}
              errorMessage={errorOf('type')}
              // A disabled radio's own text is drawn too faint to read; the reasons are help text instead.
              description={unavailableTypes(options) || undefined}
            >
              {options.map((o) => (
                <Radio key={o.id} value={o.id} isDisabled={!o.allowed}>
                  {o.label}
                </Radio>
              ))}
            </RadioGroup>
            {(form.type === 'prodStage' ? PAIR_HALVES : [SINGLE]).map(nameFields)}
            <Picker
              label="Primary region"
              isRequired
              isDisabled={created.length > 0}
              selectedKey={form.region}
              onSelectionChange={(key) => change({ region: String(key) })}
              isInvalid={errorOf('region') !== undefined}
              errorMessage={errorOf('region')}
              description={
                form.type === 'prodStage'
                  ? 'Production and Stage share this region; it cannot be changed later.'
                  : 'Where the environment runs; it cannot be changed later.'
              }
            >
              {regionOptions(programRegion).map((region) => (
                <PickerItem key={region} id={region}>
                  {region}
                </PickerItem>
              ))}
            </Picker>
          </Form>
        </div>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={() => container.dismiss()}>
          Cancel
        </Button>
        <Button variant="accent" onPress={submit} isPending={saving} isDisabled={!isValid}>
          Save
        </Button>
      </ButtonGroup>
    </Dialog>
  )
}
