const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })

// Simulated time is shown in UTC so screens, logs and tests agree whatever the machine's zone.
export const formatDateTime = (iso: string | undefined): string => (iso ? `${dateTime.format(new Date(iso))} UTC` : '')
export const formatDate = (iso: string | undefined): string => (iso ? date.format(new Date(iso)) : '')
