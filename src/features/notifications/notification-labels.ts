import type { Notification } from '../../contract/notifications'

/** One line saying what happened, e.g. "Production Pipeline is waiting for approval". */
export function notificationMessage(n: Notification): string {
  const name = n.pipelineName
  switch (n.kind) {
    case 'started':
      return `${name} started`
    case 'waiting':
      if (n.stepAction === 'approval') return `${name} is waiting for approval`
      if (n.stepAction === 'schedule') return `${name} is waiting to be scheduled`
      if (n.stepAction === 'deploy') return `${name} is paused: ${n.stepLabel ?? 'the deployment'} waits to be resumed or stopped`
      return `${name} is waiting: ${n.stepLabel ?? 'a step'} needs a decision`
    case 'ended':
      switch (n.status) {
        case 'FINISHED':
          return `${name} finished`
        case 'FAILED':
          return `${name} failed`
        case 'ERROR':
          return `${name} ended with an error`
        case 'CANCELLED':
          return `${name} was cancelled`
        default:
          return `${name} ended`
      }
  }
}
