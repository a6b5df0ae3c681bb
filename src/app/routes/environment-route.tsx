import { useParams, useSearchParams } from 'react-router-dom'
import { EnvironmentDetailsPage, type EnvironmentTab } from '../../features/environments/environment-details-page'

/** Environment details; `?tab=configuration` opens the Configuration tab, so it can be linked to. */
export function Component() {
  const { programId = '', environmentId = '' } = useParams()
  const [search, setSearch] = useSearchParams()
  const tab: EnvironmentTab = search.get('tab') === 'configuration' ? 'configuration' : 'information'
  return (
    <EnvironmentDetailsPage
      key={environmentId}
      programId={programId}
      environmentId={environmentId}
      tab={tab}
      onTabChange={(next) => setSearch(next === 'information' ? {} : { tab: next }, { replace: true })}
    />
  )
}
