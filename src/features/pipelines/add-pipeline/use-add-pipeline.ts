import { useMutation, useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { isApiError } from '../../../api/http'
import { environmentQueries } from '../../../api/resources/environments'
import { pipelineMutations, pipelineQueries } from '../../../api/resources/pipelines'
import { programQueries } from '../../../api/resources/programs'
import { repositoryQueries } from '../../../api/resources/repositories'
import { retryableFailureMessage } from '../../../components/failure-message'
import type { AddPipelineKind, Pipeline } from '../../../contract/resources'
import {
  emptyForm,
  type FieldErrors,
  type FieldKey,
  fieldOfServerError,
  formOf,
  type PipelineForm,
  type TabKey,
  TAB_FIELDS,
  tabsOf,
  toCreateBody,
  toPatchBody,
  validateTab,
  webTierOwner,
} from './pipeline-form'
import { flavourOf } from './ams-form'
import { loadPipelineDraft, type PipelineDraft, savePipelineDraft } from './pipeline-draft'

interface ServerErrors {
  fields: FieldErrors
  /** Problems no field shows (uniqueness of the pipeline kind, …). */
  general: string[]
}

const NO_SERVER_ERRORS: ServerErrors = { fields: {}, general: [] }

/**
 * The wizard's state: what was typed (never dropped on errors), its checks, and the create call,
 * or with `editing` the PATCH of that pipeline, starting from its settings.
 */
export function useAddPipeline(
  programId: string,
  kind: AddPipelineKind,
  onSaved: (p: Pipeline) => void,
  { editing, resume = false }: { editing?: Pipeline | undefined; resume?: boolean } = {},
) {
  // A dialog reopened by a reload picks up what was typed before it (see pipeline-draft.ts).
  const [restored, setRestored] = useState<PipelineDraft | undefined>(() =>
    resume && !editing ? typedSomething(loadPipelineDraft(programId, kind)) : undefined,
  )
  const [typed, setTyped] = useState<PipelineForm>(() => restored?.form ?? (editing ? formOf(editing) : emptyForm()))
  const [touched, setTouched] = useState<ReadonlySet<FieldKey>>(() =>
    restored ? new Set(changedKeys(restored.form).flatMap(fieldKeysOf)) : new Set(),
  )
  const [server, setServer] = useState<ServerErrors>(NO_SERVER_ERRORS)
  const [tab, setTab] = useState<TabKey>(restored?.tab ?? 'configuration')
  useEffect(() => {
    if (!editing) savePipelineDraft(programId, kind, { form: typed, tab })
  }, [editing, programId, kind, typed, tab])
  const startOver = () => {
    setRestored(undefined)
    setTyped(emptyForm())
    setTouched(new Set())
    setServer(NO_SERVER_ERRORS)
    setTab('configuration')
  }
  // The program's type decides which options the dialog offers (CS or AMS), never a global switch.
  const program = useQuery(programQueries.detail(programId))
  const flavour = flavourOf(program.data)
  const environments = useQuery(environmentQueries.list(programId))
  const repositories = useQuery(repositoryQueries.list(programId))
  const pipelines = useQuery(pipelineQueries.list(programId))

  // Defaults are derived, not copied into state: the first repository and its `main` branch.
  const repositoryId = typed.repositoryId ?? repositories.data?.[0]?.id ?? null
  const branches = useQuery({
    ...repositoryQueries.branches(programId, repositoryId ?? ''),
    enabled: kind !== 'prodOnly' && repositoryId !== null,
  })
  const branchNames = branches.data ?? []
  const branch = typed.branch ?? (branchNames.includes('main') ? 'main' : (branchNames[0] ?? null))
  const envs = environments.data ?? []
  // A web tier config pipeline on the same environments takes the dispatcher config over (spec §C.2).
  const webTier = webTierOwner(kind, typed, envs, pipelines.data ?? [], editing)
  const form: PipelineForm = { ...typed, repositoryId, branch, ...(webTier ? { ignoreWebTierConfig: true } : {}) }

  const tabs = tabsOf(kind, form, envs, flavour)
  const clientErrors = (t: TabKey) => validateTab(t, kind, form, branchNames, flavour, envs)
  const isTabValid = (t: TabKey) => Object.keys(clientErrors(t)).length === 0

  /** Shown errors: the server's until the field changes, else the client's once the field was touched. */
  const errors: FieldErrors = {}
  for (const t of tabs) {
    const client = clientErrors(t)
    for (const key of TAB_FIELDS[t]) {
      const message = server.fields[key] ?? (touched.has(key) ? client[key] : undefined)
      if (message) errors[key] = message
    }
  }

  const change = (patch: Partial<PipelineForm>) => {
    const keys = Object.keys(patch).flatMap(fieldKeysOf)
    setTyped((t) => ({ ...t, ...patch }))
    setTouched((t) => new Set([...t, ...keys]))
    setServer((s) => ({
      ...s,
      fields: Object.fromEntries(Object.entries(s.fields).filter(([k]) => !keys.includes(k as FieldKey))),
    }))
  }

  const onError = (error: unknown) => {
    const found = serverErrorsOf(error, kind)
    setServer(found)
    // Take the user to the first tab the server complained about.
    const first = tabs.find((t) => TAB_FIELDS[t].some((k) => found.fields[k]))
    if (first) setTab(first)
  }
  const create = useMutation({ ...pipelineMutations.create(programId), onSuccess: onSaved, onError })
  const update = useMutation({ ...pipelineMutations.update(programId), onSuccess: onSaved, onError })
  // Set before the re-render that disables Save, so a double click sends one request.
  const saving = useRef(false)
  const save = () => {
    if (saving.current) return
    saving.current = true
    setServer(NO_SERVER_ERRORS)
    const settled = {
      onSettled: () => {
        saving.current = false
      },
    }
    if (editing) update.mutate({ pipeline: editing, patch: toPatchBody(kind, form, editing, envs, flavour) }, settled)
    else create.mutate(toCreateBody(kind, form, envs, flavour), settled)
  }

  return {
    form,
    flavour,
    program,
    change,
    /** The dialog started from a draft kept across a reload; `startOver` drops it. */
    restored: restored !== undefined,
    startOver,
    errors,
    generalErrors: server.general,
    tabs,
    // A tab that disappeared (a stage environment was unchosen) falls back to the first.
    tab: tabs.includes(tab) ? tab : 'configuration',
    setTab,
    isTabValid,
    save,
    isSaving: create.isPending || update.isPending,
    webTier,
    pipelines: pipelines.data ?? [],
    environments,
    repositories,
    branches: { names: branchNames, isLoading: branches.isFetching, refresh: () => void branches.refetch() },
  }
}

/** The form's keys whose values differ from an empty form's. */
function changedKeys(form: PipelineForm): string[] {
  const empty = emptyForm()
  return Object.keys(form).filter(
    (key) => JSON.stringify(form[key as keyof PipelineForm]) !== JSON.stringify(empty[key as keyof PipelineForm]),
  )
}

/** A draft of an untouched dialog is not worth announcing as restored. */
function typedSomething(draft: PipelineDraft | undefined): PipelineDraft | undefined {
  return draft && (draft.tab !== 'configuration' || changedKeys(draft.form).length > 0) ? draft : undefined
}

/** The fields whose messages a change of this form key may clear or reveal. */
function fieldKeysOf(formKey: string): FieldKey[] {
  switch (formKey) {
    case 'environmentId':
      return ['environment']
    case 'repositoryId':
      return ['repository']
    case 'tests':
      return ['auditPaths']
    case 'ams':
      return ['dispatcherLower', 'dispatcherProd', 'cse', 'pageSets', 'assetsSplit', 'testFiles']
    default:
      return [formKey as FieldKey]
  }
}

function serverErrorsOf(error: unknown, kind: AddPipelineKind): ServerErrors {
  const retryable = retryableFailureMessage(error)
  if (retryable) return { fields: {}, general: [retryable] }
  if (!isApiError(error)) return { fields: {}, general: [(error as Error).message] }
  const fields: FieldErrors = {}
  const general: string[] = [...error.messages]
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const key = fieldOfServerError(path)
    // Only non-production deployments have an environment field; elsewhere it is the dialog's problem.
    if (key && !(key === 'environment' && kind !== 'nonProduction')) fields[key] = message
    else general.push(message)
  }
  if (Object.keys(fields).length === 0 && general.length === 0) general.push(error.detail ?? error.title)
  return { fields, general }
}
