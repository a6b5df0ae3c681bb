import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router-dom'

/**
 * A list page's filters live in its URL (`?pipelineId=&status=…`), so a filtered view can be
 * linked and survives a reload. `parse` reads them from the query (a module-level function, so
 * the filters keep their identity while the query does); setting one to `undefined` removes it.
 */
export function useSearchParamFilters<F extends { [K in keyof F]: string | undefined }>(
  parse: (params: URLSearchParams) => F,
): [F, (name: keyof F & string, value: string | undefined) => void] {
  const [params, setParams] = useSearchParams()
  const query = params.toString()
  const filters = useMemo(() => parse(new URLSearchParams(query)), [parse, query])
  const setFilter = useCallback(
    (name: keyof F & string, value: string | undefined) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          if (value) next.set(name, value)
          else next.delete(name)
          return next
        },
        { replace: true },
      ),
    [setParams],
  )
  return [filters, setFilter]
}

/** `value` if it is one of `allowed`, else undefined (a hand-edited URL cannot smuggle in a filter). */
export const pickAllowed = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined
