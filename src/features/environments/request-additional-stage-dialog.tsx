import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Form,
  Heading,
  InlineAlert,
  Radio,
  RadioGroup,
  TextArea,
  TextField,
  ToastQueue,
  useDialogContainer,
} from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { isApiError } from '../../api/http'
import { environmentMutations } from '../../api/resources/environments'
import { problemMessage } from '../../components/failure-message'
import { NO_SERVER_ERRORS, useFormFields } from '../../components/use-form-fields'
import {
  type BaseBranch,
  EMPTY_REQUEST,
  MAX_DESCRIPTION,
  MAX_NAME,
  type RequestForm,
  requestBody,
  requestErrorsOf,
  validateRequest,
} from './request-additional-stage-form'

export const REQUEST_TITLE = 'Request Second Staging Environment'

export interface RequestAdditionalStageDialogProps {
  programId: string
  /** The region of Stage and Production, where the new environment is created. */
  region: string | undefined
}

/** Spec §A.4 / seeds/001: name, description, base branch; same region; up to two weeks; no copy from Staging or Production. */
export function RequestAdditionalStageDialog({ programId, region }: RequestAdditionalStageDialogProps) {
  const container = useDialogContainer()
  const { form, change, errorOf, isValid, touchAll, server, setServer } = useFormFields<RequestForm>(
    () => EMPTY_REQUEST,
    validateRequest,
  )
  const [attempted, setAttempted] = useState(false)
  const request = useMutation(environmentMutations.requestAdditionalStage(programId))

  // Set before the re-render that marks Request pending: a double click creates one environment.
  const sending = useRef(false)
  const submit = () => {
    setAttempted(true)
    touchAll()
    if (!isValid || sending.current) return
    sending.current = true
    setServer(NO_SERVER_ERRORS)
    request.mutate(requestBody(form), {
      onSettled: () => {
        sending.current = false
      },
      onSuccess: (env) => {
        ToastQueue.positive(`"${env.name}" was requested. Provisioning can take up to two weeks.`, { timeout: 5000 })
        container.dismiss()
      },
      onError: (error) => {
        if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) setServer(requestErrorsOf(error.fieldErrors))
        else setServer({ fields: {}, general: [problemMessage(error)] })
      },
    })
  }

  const showSummary = attempted && !isValid
  return (
    <Dialog size="M">
      <Heading slot="title">{REQUEST_TITLE}</Heading>
      <Content>
        <div className={style({ display: 'flex', flexDirection: 'column', gap: 16 })}>
          <InlineAlert variant="informative">
            <Heading>Before you request</Heading>
            <Content>
              <ul className={style({ margin: 0, paddingStart: 16 })}>
                <li>Provisioning can take up to two weeks.</li>
                <li>
                  The new environment starts from the code and database of the Integration or Master branch you choose. Data
                  cannot be copied from Staging or Production.
                </li>
                <li>Once it is ready, code and data updates are your responsibility, as for your other environments.</li>
              </ul>
            </Content>
          </InlineAlert>
          {server.general.length > 0 ? (
            <InlineAlert variant="negative" autoFocus>
              <Heading>The request was not sent</Heading>
              <Content>{server.general.join(' ')}</Content>
            </InlineAlert>
          ) : showSummary ? (
            <InlineAlert variant="negative">
              <Heading>Some fields need attention</Heading>
              <Content>Fix the fields marked below, then request again.</Content>
            </InlineAlert>
          ) : null}
          <Form
            validationBehavior="aria"
            onSubmit={(e) => {
              e.preventDefault()
              submit()
            }}
          >
            <TextField
              label="Name"
              isRequired
              autoFocus
              value={form.name}
              onChange={(name) => change({ name })}
              isInvalid={errorOf('name') !== undefined}
              errorMessage={errorOf('name')}
              description={`Up to ${MAX_NAME} characters; it cannot be changed later.`}
            />
            <TextArea
              label="Description"
              value={form.description}
              onChange={(description) => change({ description })}
              isInvalid={errorOf('description') !== undefined}
              errorMessage={errorOf('description')}
              description={`Optional, up to ${MAX_DESCRIPTION} characters.`}
            />
            <RadioGroup
              label="Base branch"
              isRequired
              value={form.baseBranch}
              onChange={(v) => change({ baseBranch: v as BaseBranch })}
              isInvalid={errorOf('baseBranch') !== undefined}
              errorMessage={errorOf('baseBranch')}
              description="Update this branch with the code and database the new environment should start from."
            >
              <Radio value="INTEGRATION">Integration</Radio>
              <Radio value="MASTER">Master</Radio>
            </RadioGroup>
            <TextField
              label="Region"
              isReadOnly
              value={region ?? 'The region of Stage and Production'}
              description="The same region as your Stage and Production environments; it cannot be changed."
            />
          </Form>
        </div>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={() => container.dismiss()}>
          Cancel
        </Button>
        <Button variant="accent" onPress={submit} isPending={request.isPending}>
          Request
        </Button>
      </ButtonGroup>
    </Dialog>
  )
}
