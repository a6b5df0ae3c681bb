import { Button, Content, Heading, InlineAlert, Picker, PickerItem } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { pipelineMutations, pipelineQueries } from '../../../api/resources/pipelines'
import { formatDateTime } from '../../../components/format-date'
import { LoadingState } from '../../../components/loading-state'
import type { ExecutionMode, Pipeline } from '../../../contract/resources'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { RunModeDialog } from '../../../components/run-mode-dialog'
import { problemMessage } from '../../../components/failure-message'

/**
 * Run of a production only pipeline (spec §E.4): choose which successful stage-only build to
 * promote, the latest by default, then PUT the execution link with `sourceExecutionId`.
 */
export function RunProdOnlyDialog({ pipeline, onStarted }: { pipeline: Pipeline; onStarted: () => void }) {
  const promotable = useQuery(pipelineQueries.promotable(pipeline))
  const start = useMutation(pipelineMutations.start(pipeline.programId))
  const [chosen, setChosen] = useState<string | null>(null)
  const builds = promotable.data ?? []
  const selected = chosen ?? builds.find((b) => b.latest)?.id ?? builds[0]?.id ?? null
  const build = builds.find((b) => b.id === selected)
  const run = async (mode: ExecutionMode = 'NORMAL') => {
    await start.mutateAsync({ pipeline, mode, ...(selected ? { sourceExecutionId: selected } : {}) })
    onStarted()
  }
  const body = (
    <div className={style({ display: 'flex', flexDirection: 'column', gap: 16 })}>
      <p className={style({ font: 'body', margin: 0 })}>
        A production only pipeline deploys a build that a stage-only execution built and validated.
      </p>
      {promotable.isPending ? (
        <LoadingState what="promotable builds" />
      ) : promotable.isError ? (
        <InlineAlert variant="negative">
          <Heading>The builds could not be loaded</Heading>
          <Content>
            {problemMessage(promotable.error)}
            <div className={style({ marginTop: 8 })}>
              <Button variant="secondary" size="S" isPending={promotable.isFetching} onPress={() => void promotable.refetch()}>
                Try again
              </Button>
            </div>
          </Content>
        </InlineAlert>
      ) : builds.length === 0 ? (
        <InlineAlert variant="notice">
          <Heading>Nothing to promote</Heading>
          <Content>There is no successful stage-only execution to promote: run the stage-only pipeline first.</Content>
        </InlineAlert>
      ) : (
        <Picker
          label="Select build to promote"
          items={builds}
          selectedKey={selected}
          onSelectionChange={(key) => setChosen(key === null ? null : String(key))}
          styles={style({ width: 'full' })}
        >
          {(b) => (
            <PickerItem id={b.id} textValue={`Execution ${b.id}`}>
              {`Execution ${b.id} · ${b.artifactsVersion}${b.commitId ? ` · ${b.commitId.slice(0, 7)}` : ''} · ${formatDateTime(b.finishedAt ?? b.createdAt)}${b.latest ? ' (latest)' : ''}`}
            </PickerItem>
          )}
        </Picker>
      )}
      {build?.rollbackRisk ? (
        <InlineAlert variant="notice">
          <Heading>Risk of a code rollback</Heading>
          <Content>{build.rollbackRisk.message}</Content>
        </InlineAlert>
      ) : null}
    </div>
  )
  // [AMS] With Emergency Mode enabled, the run's mode is chosen here too (spec §D.11).
  return pipeline['x-sim'].runModes?.includes('EMERGENCY') ? (
    <RunModeDialog title={`Run ${pipeline.name}`} isConfirmDisabled={!selected} onRun={run}>
      {body}
    </RunModeDialog>
  ) : (
    <ConfirmDialog title={`Run ${pipeline.name}`} confirmLabel="Run" isConfirmDisabled={!selected} onConfirm={() => run()}>
      {body}
    </ConfirmDialog>
  )
}
