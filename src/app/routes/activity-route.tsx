import { EmptyState } from '../../components/empty-state'
import { PageHeading } from '../../components/page-heading'

/** Placeholder until the Activity page (executions history, spec §B.7) is built. */
export function Component() {
  return (
    <>
      <PageHeading title="Activity" />
      <EmptyState heading="Activity is coming soon">Pipeline executions of this program will be listed here.</EmptyState>
    </>
  )
}
