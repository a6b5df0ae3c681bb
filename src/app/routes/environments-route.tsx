import { useParams } from 'react-router-dom'
import { EnvironmentsPage } from '../../features/environments/environments-page'

export function Component() {
  const { programId = '' } = useParams()
  return <EnvironmentsPage programId={programId} />
}
