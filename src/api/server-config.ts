import { queryOptions } from '@tanstack/react-query'

import { isRecord } from './envelope'

/** What the dashboard's own server says about itself (`GET /api/config`); it holds no secret. */
export type ServerConfig = { readOnly: boolean }

/**
 * Asked without the key: the answer is the same for everyone. A server that cannot say (an older
 * one, or `npm run dev` against Marqtune itself) is taken as read-write: the service and this
 * server still refuse what they refuse, and the app shows it in words.
 */
export const serverConfigQuery = () =>
  queryOptions({
    queryKey: ['server-config'] as const,
    queryFn: async ({ signal }): Promise<ServerConfig> => {
      try {
        const response = await fetch('/api/config', {
          headers: { accept: 'application/json' },
          cache: 'no-store',
          signal,
        })
        const json: unknown = response.ok ? await response.json() : undefined
        return { readOnly: isRecord(json) && json.readOnly === true }
      } catch (error) {
        if (signal.aborted) throw error
        return { readOnly: false }
      }
    },
    staleTime: Infinity,
    retry: false,
  })
