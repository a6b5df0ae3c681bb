import { Button, Picker, PickerItem } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { isApiError } from '../../api/http'
import { pipelineQueries } from '../../api/resources/pipelines'
import { repositoryQueries } from '../../api/resources/repositories'
import { simMutations } from '../../api/resources/sim'
import type { GitPushResult } from '../../contract/executions'
import type { Pipeline } from '../../contract/resources'
import { PanelSection } from './panel-section'

/** `started` holds execution ids: named by the pipelines now running them (the list is refetched by then). */
function pushMessage(r: GitPushResult, pipelines: Pipeline[]): string {
  const name = (id: string) => pipelines.find((p) => p.id === id)?.name ?? `pipeline ${id}`
  const runner = (executionId: string) =>
    pipelines.find((p) => p['x-sim'].currentExecutionId === executionId)?.name ?? `execution ${executionId}`
  const started = r.started.length > 0 ? `Started ${r.started.map(runner).join(', ')}.` : 'No pipeline started.'
  const skipped = r.skipped.map((s) => ` ${name(s.pipelineId)} skipped: ${s.reason}`).join('')
  return `Pushed commit ${r.commitId.slice(0, 7)} to ${r.branch}. ${started}${skipped}`
}

/** Simulate a push to a branch (spec §D.12): starts the idle ON_COMMIT pipelines watching it. */
export function GitPushControls({ programId }: { programId: string | undefined }) {
  const repositories = useQuery({ ...repositoryQueries.list(programId ?? ''), enabled: programId !== undefined })
  // Observed so that the push's invalidation refetches it: the result names the pipelines it started.
  useQuery({ ...pipelineQueries.list(programId ?? ''), enabled: programId !== undefined })
  const [repositoryId, setRepositoryId] = useState<string | null>(null)
  const [branch, setBranch] = useState<string | null>(null)
  const repos = repositories.data ?? []
  const repoId = repositoryId ?? (repos.length === 1 ? (repos[0]?.id ?? null) : null)
  const branches = useQuery({
    ...repositoryQueries.branches(programId ?? '', repoId ?? ''),
    enabled: programId !== undefined && repoId !== null,
  })
  const push = useMutation(simMutations.gitPush())
  const queryClient = useQueryClient()
  // Read when the push has succeeded: its invalidation has refetched the list by then.
  const currentPipelines = () => queryClient.getQueryData(pipelineQueries.list(programId ?? '').queryKey) ?? []
  const [outcome, setOutcome] = useState('')

  if (programId === undefined) {
    return (
      <PanelSection title="Git push">
        <p className={style({ margin: 0, font: 'body-sm', color: 'neutral-subdued' })}>
          Open a program to push to its repositories.
        </p>
      </PanelSection>
    )
  }
  return (
    <PanelSection title="Git push">
      <Picker
        label="Repository"
        size="S"
        placeholder="Choose a repository"
        selectedKey={repoId}
        onSelectionChange={(k) => {
          setRepositoryId(k === null ? null : String(k))
          setBranch(null)
        }}
        items={repos}
      >
        {(r) => <PickerItem id={r.id}>{r.repo}</PickerItem>}
      </Picker>
      <Picker
        label="Branch"
        size="S"
        placeholder="Choose a branch"
        isDisabled={repoId === null}
        selectedKey={branch}
        onSelectionChange={(k) => setBranch(k === null ? null : String(k))}
      >
        {(branches.data ?? []).map((b) => (
          <PickerItem key={b} id={b}>
            {b}
          </PickerItem>
        ))}
      </Picker>
      <div>
        <Button
          variant="secondary"
          size="S"
          isDisabled={repoId === null || branch === null}
          isPending={push.isPending}
          onPress={() =>
            repoId &&
            branch &&
            push.mutate(
              { repositoryId: repoId, branch },
              {
                onSuccess: (r) => setOutcome(pushMessage(r, currentPipelines())),
                onError: (e) => setOutcome(`The push failed: ${isApiError(e) ? (e.detail ?? e.title) : e.message}`),
              },
            )
          }
        >
          Simulate git push
        </Button>
      </div>
      <p role="status" className={style({ margin: 0, font: 'body-sm', color: 'neutral-subdued' })}>
        {outcome}
      </p>
    </PanelSection>
  )
}
