/**
 * The QueryClient factory: one per app and one per test. Mutations declare what they make
 * stale in `meta.invalidates`; the MutationCache invalidates it once they succeed.
 */
import { MutationCache, QueryClient, type QueryKey } from '@tanstack/react-query'
import { isApiError } from './http'

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** Query keys (prefixes) to invalidate after the mutation succeeds. */
      invalidates?: readonly QueryKey[]
    }
  }
}

export interface QueryClientOptions {
  /** Retries for failed queries; client errors (4xx) are never retried. Tests pass 0. */
  retries?: number
}

export function createQueryClient({ retries = 2 }: QueryClientOptions = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onSuccess: async (_data, _variables, _context, mutation) => {
        const keys = mutation.options.meta?.invalidates ?? []
        await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })))
      },
    }),
    defaultOptions: {
      queries: {
        // The simulator answers locally; a short stale time keeps navigation snappy without hiding changes.
        staleTime: 5_000,
        retry: (failureCount, error) => !(isApiError(error) && error.status < 500) && failureCount < retries,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  })
  return client
}
