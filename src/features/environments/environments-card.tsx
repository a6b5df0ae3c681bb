import { LinkButton } from '@react-spectrum/s2'
import { useQuery } from '@tanstack/react-query'
import { environmentQueries } from '../../api/resources/environments'
import { EmptyState } from '../../components/empty-state'
import { OverviewCard } from '../../components/overview-card'
import { QueryState } from '../../components/query-state'
import { paths } from '../../config/paths'
import { EnvironmentsTable } from './environments-table'

/** The Program Overview's Environments card: at most three rows and a way to all of them. */
export function EnvironmentsCard({ programId }: { programId: string }) {
  const environments = useQuery(environmentQueries.list(programId))
  return (
    <OverviewCard
      title="Environments"
      footer={
        <LinkButton variant="secondary" size="S" href={paths.environments.getHref(programId)} aria-label="Show all environments">
          Show All
        </LinkButton>
      }
    >
      <QueryState query={environments} what="environments" empty={<EmptyState heading="No environments yet" />}>
        {(data) => <EnvironmentsTable environments={data.slice(0, 3)} compact />}
      </QueryState>
    </OverviewCard>
  )
}
