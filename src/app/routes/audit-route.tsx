import { useParams } from 'react-router-dom'
import { AuditPage } from '../../features/audit/audit-page'

export function Component() {
  const { programId = '' } = useParams()
  return <AuditPage programId={programId} />
}
