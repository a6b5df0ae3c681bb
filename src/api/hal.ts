/**
 * HAL helpers. Relations are looked up in the `http://` spelling the API emits and in the
 * `https://` spelling some documentation prints.
 */
import type { HalLink, HalResource } from '../contract/hal'
import { httpsVariant } from '../contract/rels'

export function getLink(resource: HalResource | undefined, rel: string): HalLink | undefined {
  const links = resource?._links
  if (!links) return undefined
  const found = links[rel] ?? links[httpsVariant(rel)]
  return Array.isArray(found) ? found[0] : found
}

export const hasLink = (resource: HalResource | undefined, rel: string): boolean => getLink(resource, rel) !== undefined

/** The href of a link, expanded when templated; throws when the representation does not offer it. */
export function linkHref(
  resource: HalResource | undefined,
  rel: string,
  params: Record<string, string | number | undefined> = {},
): string {
  const link = getLink(resource, rel)
  if (!link) throw new Error(`The representation has no "${rel}" link.`)
  return link.templated ? expandTemplate(link.href, params) : link.href
}

/**
 * Expands the RFC 6570 forms this API uses: simple `{var}` and query `{?a,b}` / `{&a,b}`.
 * Undefined variables are dropped, as the RFC says.
 */
export function expandTemplate(template: string, params: Record<string, string | number | undefined>): string {
  return template.replace(/\{([?&]?)([^}]+)\}/g, (_match, op: string, names: string) => {
    const vars = names.split(',').map((n) => n.trim())
    if (op === '') return vars.map((n) => (params[n] === undefined ? '' : encodeURIComponent(String(params[n])))).join(',')
    const pairs = vars
      .filter((n) => params[n] !== undefined)
      .map((n) => `${encodeURIComponent(n)}=${encodeURIComponent(String(params[n]))}`)
    return pairs.length === 0 ? '' : `${op}${pairs.join('&')}`
  })
}
