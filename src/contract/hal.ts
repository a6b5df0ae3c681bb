/** HAL (draft-kelly-json-hal) as the Cloud Manager API speaks it. */
export interface HalLink {
  href: string
  templated?: boolean
  title?: string
}

export type HalLinks = Record<string, HalLink | HalLink[] | undefined>

export interface HalResource {
  _links?: HalLinks
  _embedded?: Record<string, unknown>
}

export interface PageDetails {
  start: number
  limit: number
  next?: number
  prev?: number
}

export interface HalList<K extends string, T> extends HalResource {
  _totalNumberOfItems: number
  _page?: PageDetails
  _embedded: Record<K, T[]>
}
