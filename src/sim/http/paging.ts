/**
 * (sim) Paged program lists (Activity, Audit): the `start`/`limit` query, comma-separated filter
 * values, and one page of an ordered list with `_totalNumberOfItems`, `_page` and `next`/`prev`
 * links that keep the filters, in the shape of a pipeline's execution list.
 */
import type { HalList } from '../../contract/hal'
import { invalid } from '../../engine/errors'
import { links } from './representations/links'

export const DEFAULT_PAGE_LIMIT = 20
export const MAX_PAGE_LIMIT = 100

export function wholeNumber(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalid(`Query parameter ${name} must be a whole number from ${min} to ${max}.`, [
      { field: name, message: 'Out of range.', invalidValue: raw },
    ])
  }
  return n
}

/** A filter's values: repeated parameters and comma-separated lists, each one of `allowed`. */
export function listOf<T extends string>(url: URL, name: string, allowed: readonly T[]): T[] | undefined {
  const raw = url.searchParams.getAll(name).flatMap((v) => v.split(','))
  const values = raw.map((v) => v.trim()).filter((v) => v !== '')
  if (values.length === 0) return undefined
  const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v))
  if (unknown.length > 0) {
    throw invalid(`Query parameter ${name} must be one or more of ${allowed.join(', ')}.`, [
      { field: name, message: 'Unknown value.', invalidValue: unknown.join(',') },
    ])
  }
  return values as T[]
}

/** `start` (offset, default 0) and `limit` (1–100, default 20). */
export function pageQuery(url: URL): { start: number; limit: number } {
  return {
    start: wholeNumber(url, 'start', 0, 0, 100_000_000),
    limit: wholeNumber(url, 'limit', DEFAULT_PAGE_LIMIT, 1, MAX_PAGE_LIMIT),
  }
}

/**
 * One page of `list` at `path`: only the page's items are represented. `filters` are the query
 * parameters every page link repeats (empty ones are left out).
 */
export function pageOf<K extends string, M, T>(
  path: string,
  key: K,
  list: readonly M[],
  { start, limit }: { start: number; limit: number },
  filters: Record<string, string | undefined>,
  represent: (item: M) => T,
): HalList<K, T> {
  const page = list.slice(start, start + limit)
  const hasNext = start + limit < list.length
  const hasPrev = start > 0
  const prev = Math.max(0, start - limit)
  const href = (at: number) => {
    const q = new URLSearchParams()
    q.set('start', String(at))
    q.set('limit', String(limit))
    for (const [name, value] of Object.entries(filters)) if (value) q.set(name, value)
    return `${path}?${q.toString()}`
  }
  return {
    _totalNumberOfItems: list.length,
    _page: { start, limit, ...(hasNext ? { next: start + limit } : {}), ...(hasPrev ? { prev } : {}) },
    _embedded: { [key]: page.map(represent) } as Record<K, T[]>,
    _links: links([
      ['self', href(start)],
      ['next', href(start + limit), hasNext],
      ['prev', href(prev), hasPrev],
    ]),
  }
}
