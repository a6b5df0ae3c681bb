/**
 * A toast when a notification arrives for the current role (spec §I.1): at most one at a time —
 * a newer one replaces it — with View execution, which opens the execution. Notifications that
 * existed when the page loaded, or when the role was switched, never toast.
 */
import { ToastQueue } from '@react-spectrum/s2'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useNavigate } from 'react-router-dom'
import { notificationQueries } from '../../api/resources/activity'
import { useRole } from '../../app/role-context'
import type { Notification } from '../../contract/notifications'
import { paths } from '../../config/paths'
import { notificationMessage } from './notification-labels'
import { isOwnStart } from './own-starts'
import { useWhenSettled } from './use-when-settled'

type Tone = 'negative' | 'neutral'

/**
 * A failure is negative; everything else is neutral and said in words. S2's positive and
 * informative toasts draw their action button below 4.5:1 contrast (as the Started toast found).
 */
export function toastTone(n: Notification): Tone {
  return n.kind === 'ended' && (n.status === 'FAILED' || n.status === 'ERROR') ? 'negative' : 'neutral'
}

/** The toast's text: what happened, and how many more arrived with it. */
export function toastText(newest: Notification, others: number): string {
  const more = others > 0 ? ` (and ${others} more in Notifications)` : ''
  return `${notificationMessage(newest)} · ${newest.programName}${more}`
}

interface Seen {
  role: string
  /** Data fetched before this moment belongs to the previous role. */
  since: number
  /** The newest notification id seen; undefined until the role's first feed has arrived. */
  upTo: number | undefined
}

export function NotificationToasts() {
  const [role] = useRole()
  const navigate = useNavigate()
  const settled = useWhenSettled()
  const feed = useQuery({ ...notificationQueries.list(), enabled: settled })
  const seen = useRef<Seen>({ role, since: 0, upTo: undefined })
  const close = useRef<(() => void) | undefined>(undefined)

  useEffect(() => () => close.current?.(), [])

  useEffect(() => {
    if (seen.current.role !== role) {
      seen.current = { role, since: Date.now(), upTo: undefined }
      close.current?.()
      close.current = undefined
      return
    }
    const state = seen.current
    if (!feed.data || feed.dataUpdatedAt < state.since) return
    const list = feed.data._embedded.notifications
    const newestId = list.reduce((max, n) => Math.max(max, Number(n.id)), state.upTo ?? 0)
    if (state.upTo === undefined) {
      state.upTo = newestId
      return
    }
    const upTo = state.upTo
    const fresh = list
      .filter((n) => Number(n.id) > upTo && !(n.kind === 'started' && isOwnStart(n.executionId)))
      .sort((a, b) => Number(b.id) - Number(a.id))
    state.upTo = newestId
    const newest = fresh[0]
    if (!newest) return
    close.current?.()
    const href = paths.execution.getHref(newest.programId, newest.pipelineId, newest.executionId)
    const dismiss = ToastQueue[toastTone(newest)](toastText(newest, fresh.length - 1), {
      actionLabel: 'View execution',
      onAction: () => void navigate(href),
      shouldCloseOnAction: true,
      onClose: () => {
        if (close.current === dismiss) close.current = undefined
      },
    })
    close.current = dismiss
  }, [role, feed.data, feed.dataUpdatedAt, navigate])

  return null
}
