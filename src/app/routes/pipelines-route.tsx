import { useParams } from 'react-router-dom'
import { PipelinesPage } from '../../features/pipelines/pipelines-page'

export function Component() {
  const { programId = '' } = useParams()
  return <PipelinesPage programId={programId} />
}
