import { ActionButton, Button, DialogTrigger, Link, NotificationBadge, Popover } from '@react-spectrum/s2'
import Bell from '@react-spectrum/s2/icons/Bell'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { notificationQueries } from '../../api/resources/activity'
import { useRole } from '../../app/role-context'
import { ErrorState } from '../../components/error-state'
import { formatDateTime } from '../../components/format-date'
import { LoadingState } from '../../components/loading-state'
import type { Notification } from '../../contract/notifications'
import { paths } from '../../config/paths'
import { VisuallyHidden } from '../../components/visually-hidden'
import { notificationMessage } from './notification-labels'
import { useReadUpTo } from './read-store'
import { useWhenSettled } from './use-when-settled'

/**
 * The header's bell (spec §I.1): the unread count as a badge, and a popover listing execution
 * started / ended and waiting-for-a-decision notifications, newest first, each linking to its
 * execution. Read state is per role, in this browser.
 */
export function NotificationsBell() {
  const [role] = useRole()
  const [isOpen, setOpen] = useState(false)
  // The feed (100 notifications) waits for the page's first data: it is not what the user came for.
  const settled = useWhenSettled()
  const feed = useQuery({ ...notificationQueries.list(), enabled: settled })
  const [readUpTo, markReadUpTo] = useReadUpTo(role)
  const notifications = feed.data?._embedded.notifications ?? []
  const unread = notifications.filter((n) => Number(n.id) > readUpTo).length
  const headingId = useId()
  const newest = notifications[0]

  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
      <ActionButton isQuiet aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}>
        <Bell />
        {unread > 0 ? <NotificationBadge value={unread} /> : null}
      </ActionButton>
      <Popover aria-labelledby={headingId} size="L" placement="bottom end" padding="none">
        <div className={style({ display: 'flex', flexDirection: 'column', maxHeight: 480 })}>
          <div
            className={style({
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              gap: 8,
              paddingX: 16,
              paddingY: 12,
            })}
          >
            <h2 id={headingId} className={style({ font: 'title', margin: 0 })}>
              Notifications
            </h2>
            <Button
              variant="secondary"
              size="S"
              isDisabled={unread === 0 || !newest}
              onPress={() => newest && markReadUpTo(newest.id)}
            >
              Mark all as read
            </Button>
          </div>
          <div className={style({ overflowY: 'auto', paddingX: 16, paddingBottom: 12 })}>
            {feed.isPending ? (
              <LoadingState what="notifications" />
            ) : feed.isError ? (
              <ErrorState what="notifications" error={feed.error} onRetry={() => void feed.refetch()} />
            ) : notifications.length === 0 ? (
              <p className={style({ font: 'body', color: 'neutral-subdued' })}>No notifications yet.</p>
            ) : (
              <ul aria-labelledby={headingId} className={style({ listStyleType: 'none', margin: 0, padding: 0 })}>
                {notifications.map((n) => (
                  <NotificationItem
                    key={n.id}
                    notification={n}
                    isUnread={Number(n.id) > readUpTo}
                    onOpen={() => setOpen(false)}
                  />
                ))}
              </ul>
            )}
          </div>
        </div>
      </Popover>
    </DialogTrigger>
  )
}

function NotificationItem({
  notification: n,
  isUnread,
  onOpen,
}: {
  notification: Notification
  isUnread: boolean
  onOpen: () => void
}) {
  return (
    <li
      className={style({
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
        paddingY: 8,
        font: 'body',
        borderTopWidth: 1,
        borderBottomWidth: 0,
        borderXWidth: 0,
        borderStyle: 'solid',
        borderColor: 'gray-200',
      })}
    >
      <span className={style({ display: 'flex', alignItems: 'baseline', gap: 8 })}>
        {isUnread ? (
          <span aria-hidden className={style({ size: 8, borderRadius: 'full', backgroundColor: 'accent', flexShrink: 0 })} />
        ) : null}
        <Link
          href={paths.execution.getHref(n.programId, n.pipelineId, n.executionId)}
          onPress={onOpen}
          isStandalone
          isQuiet
          variant="secondary"
          UNSAFE_style={{ fontWeight: isUnread ? 700 : 400 }}
        >
          {notificationMessage(n)}
          {isUnread ? <VisuallyHidden> (unread)</VisuallyHidden> : null}
        </Link>
      </span>
      <span className={style({ font: 'detail-sm', color: 'neutral-subdued' })}>
        Execution #{n.executionId} · {n.programName} · {formatDateTime(n.at)}
      </span>
    </li>
  )
}
