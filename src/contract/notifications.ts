/**
 * (sim) The in-app notification feed (spec §I.1, §H.6): execution started / ended and step
 * waiting events, newest first, as `GET /api/notifications` returns them for the caller's role.
 */
import type { HalList, HalResource } from './hal'
import type { PipelineCategory } from './resources'

export type NotificationKind = 'started' | 'waiting' | 'ended'

/** The Cloud Manager event type URI of each kind (spec §H.6). */
export const NOTIFICATION_EVENT_TYPES: Record<NotificationKind, string> = {
  started: 'https://ns.adobe.com/experience/cloudmanager/event/started',
  waiting: 'https://ns.adobe.com/experience/cloudmanager/event/waiting',
  ended: 'https://ns.adobe.com/experience/cloudmanager/event/ended',
}

export interface Notification extends HalResource {
  id: string
  '@type': string
  kind: NotificationKind
  /** When it happened, in virtual time. */
  at: string
  programId: string
  programName: string
  pipelineId: string
  pipelineName: string
  category: PipelineCategory
  executionId: string
  /** The execution status (started, ended) or WAITING. */
  status?: string
  /** Waiting events: the step that waits, and its product name. */
  stepAction?: string
  stepLabel?: string
}

export type NotificationList = HalList<'notifications', Notification>
