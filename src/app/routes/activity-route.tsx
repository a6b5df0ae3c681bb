import { useParams } from 'react-router-dom'
import { ActivityPage } from '../../features/activity/activity-page'

export function Component() {
  const { programId = '' } = useParams()
  return <ActivityPage programId={programId} />
}
