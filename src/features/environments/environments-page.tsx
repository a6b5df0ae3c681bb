import { useQuery } from '@tanstack/react-query'
import { environmentQueries } from '../../api/resources/environments'
import { EmptyState } from '../../components/empty-state'
import { PageHeading } from '../../components/page-heading'
import { QueryState } from '../../components/query-state'
import { EnvironmentsTable } from './environments-table'

export function EnvironmentsPage({ programId }: { programId: string }) {
  const environments = useQuery(environmentQueries.list(programId))
  return (
    <>
      <PageHeading title="Environments" />
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
