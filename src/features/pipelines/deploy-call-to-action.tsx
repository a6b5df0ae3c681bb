import { Button, ButtonGroup, Content, Dialog, DialogTrigger, Heading, Link, Text } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import { useNavigate } from 'react-router-dom'
import { pipelineMutations, pipelineQueries } from '../../api/resources/pipelines'
import { formatDateTime } from '../../components/format-date'
import { paths } from '../../config/paths'
import type { Pipeline } from '../../contract/resources'
import { problemMessage } from '../../components/failure-message'
import { isStarting } from './actions/starting'
import { pipelineStatus } from './pipeline-labels'

const isCoupled = (p: Pipeline) => p['x-sim'].category === 'production' && p['x-sim'].codeSource === 'fullStack'

/**
 * The Program Overview's call to action (spec §A.2): the state of the production pipeline and
 * **Deploy**, which opens "Deploy to production" whose **Build** starts the coupled pipeline.
 */
export function DeployCallToAction({ programId }: { programId: string }) {
  const pipelines = useQuery(pipelineQueries.list(programId))
  const production = pipelines.data?.find(isCoupled)
  const reasonId = useId()
  const reason = !pipelines.data
    ? undefined
    : !production
      ? 'Add a production pipeline to deploy to production.'
      : production['x-sim'].blocked.start?.reason
  const last = production?.['x-sim'].currentExecutionId ?? production?.['x-sim'].lastExecutionId

  return (
    <section aria-labelledby={`${reasonId}-title`} className={banner}>
      {/* S2's Text and Link outside a slot take the surrounding font: give them the body font. */}
      <div className={style({ display: 'flex', flexDirection: 'column', gap: 4, flexGrow: 1, font: 'body' })}>
        <h2 id={`${reasonId}-title`} className={style({ font: 'title', margin: 0 })}>
          Deploy to production
        </h2>
        <Text>
          {production
            ? `${production.name}: ${pipelineStatus(production.status, production['x-sim'].paused === true).label}${
                production.lastStartedAt ? `, last run ${formatDateTime(production.lastStartedAt)}` : ', never run'
              }.`
            : 'No production pipeline yet.'}
        </Text>
        {production && last ? <Link href={paths.execution.getHref(programId, production.id, last)}>View details</Link> : null}
        {reason ? (
          <Text id={reasonId} UNSAFE_style={{ color: 'var(--s2-neutral-subdued, #505050)' }}>
            {reason}
          </Text>
        ) : null}
      </div>
      <DialogTrigger>
        <Button variant="accent" isDisabled={Boolean(reason) || !production} aria-describedby={reason ? reasonId : undefined}>
          Deploy
        </Button>
        {production ? <DeployDialog programId={programId} pipeline={production} /> : <span />}
      </DialogTrigger>
    </section>
  )
}

function DeployDialog({ programId, pipeline }: { programId: string; pipeline: Pipeline }) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const start = useMutation(pipelineMutations.start(programId))
  return (
    <Dialog>
      {({ close }) => (
        <>
          <Heading slot="title">Deploy to production</Heading>
          <Content>
            <Text>
              Build {pipeline.name} from {pipeline['x-sim'].branch ?? 'its branch'}, deploy it to stage, test it there, then
              deploy it to production.
            </Text>
            {start.error ? (
              <p role="alert" className={style({ color: 'negative' })}>
                {`The build did not start. ${problemMessage(start.error)}`}
              </p>
            ) : null}
          </Content>
          <ButtonGroup>
            <Button variant="secondary" onPress={close}>
              Cancel
            </Button>
            <Button
              variant="accent"
              isPending={start.isPending}
              onPress={() => {
                // One start at a time: a double click sends one request.
                if (isStarting(queryClient, pipeline)) return
                start.mutate(
                  { pipeline },
                  {
                    onSuccess: (execution) => {
                      close()
                      void navigate(paths.execution.getHref(programId, pipeline.id, execution.id))
                    },
                  },
                )
              }}
            >
              Build
            </Button>
          </ButtonGroup>
        </>
      )}
    </Dialog>
  )
}

const banner = style({
  display: 'flex',
  alignItems: 'center',
  gap: 16,
  padding: 16,
  marginBottom: 24,
  borderRadius: 'lg',
  backgroundColor: 'layer-1',
  borderWidth: 1,
  borderStyle: 'solid',
  borderColor: 'gray-200',
})
