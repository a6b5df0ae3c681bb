import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import { environmentQueries } from '../../api/resources/environments'
import { programQueries } from '../../api/resources/programs'
import { EmptyState } from '../../components/empty-state'
import { PageHeading } from '../../components/page-heading'
import { QueryState } from '../../components/query-state'
import { AddEnvironment } from './add-environment'
import { EnvironmentsTable } from './environments-table'
import { RequestAdditionalStage } from './request-additional-stage'
import { useLiveUpdates } from '../../api/use-live-updates'
import { ENVIRONMENTS_POLL_MS } from './environment-labels'

export function EnvironmentsPage({ programId }: { programId: string }) {
  // Locks come and go with pipelines, provisioning ends with the clock: follow the backend.
  const { live } = useLiveUpdates([environmentQueries.all(), programQueries.detail(programId).queryKey])
  const environments = useQuery({
    ...environmentQueries.list(programId),
    refetchInterval: live ? false : ENVIRONMENTS_POLL_MS,
  })
  const program = useQuery(programQueries.detail(programId))
  return (
    <>
      <PageHeading
        title="Environments"
        actions={
          <div className={style({ display: 'flex', alignItems: 'start', gap: 8 })}>
            <RequestAdditionalStage programId={programId} program={program.data} environments={environments.data} />
            <AddEnvironment programId={programId} program={program.data} />
          </div>
        }
      />
      <QueryState
        query={environments}
        what="environments"
        empty={
          <EmptyState heading="No environments yet">Environments of this program appear here once they are added.</EmptyState>
        }
      >
        {(data) => <EnvironmentsTable environments={data} />}
      </QueryState>
    </>
  )
}
