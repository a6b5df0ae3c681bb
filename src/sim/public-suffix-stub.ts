/**
 * Stands in for `tldts` (the public-suffix list, about 130 KB gzip) in the browser build. MSW's
 * cookie store asks it for a host's registrable domain; the simulator only ever serves its own
 * origin, where the last two labels are the right answer.
 */
export function getDomain(hostname: string): string | null {
  const host = hostname.replace(/\.$/, '')
  if (host === '' || /^[\d.]+$/.test(host) || host.includes(':')) return null
  const labels = host.split('.')
  return labels.length <= 2 ? host : labels.slice(-2).join('.')
}
