import { queryOptions } from '@tanstack/react-query'

import { getJson } from './client'
import { listProgress } from './load-progress'
import { parseDownloadUrl, parseLogs } from './model-extras'
import { parseModelList } from './model-schema'

/**
 * Who is asking. The key never enters a query key (keys end up in devtools and logs);
 * `sessionId`, a random id minted whenever a key is entered, stands for it there, so
 * cached data of one key can never be served to another.
 */
export type Credentials = { sessionId: string; apiKey: string }

const modelPath = (modelId: string) => `/models/${encodeURIComponent(modelId)}`

export const modelQueries = {
  all: () => ['models'] as const,
  list: ({ sessionId, apiKey }: Credentials) =>
    queryOptions({
      queryKey: [...modelQueries.all(), 'list', sessionId] as const,
      queryFn: async ({ signal }) => {
        try {
          const json = await getJson('/models', {
            apiKey,
            signal,
            mark: 'models',
            onProgress: (progress) => listProgress.set(sessionId, progress),
          })
          const list = parseModelList(json)
          performance.mark('models:validated')
          return list
        } finally {
          listProgress.set(sessionId, undefined)
        }
      },
    }),
  logs: ({ sessionId, apiKey }: Credentials, modelId: string) =>
    queryOptions({
      queryKey: [...modelQueries.all(), 'logs', sessionId, modelId] as const,
      queryFn: async ({ signal }) =>
        parseLogs(await getJson(`${modelPath(modelId)}/logs`, { apiKey, signal })),
    }),
}

/** A presigned checkpoint link, valid for an hour: fetched on demand, never cached. */
export async function fetchDownloadUrl(
  { apiKey }: Credentials,
  modelId: string,
  checkpoint: string,
): Promise<string> {
  const path = `${modelPath(modelId)}/download/url?checkpoint=${encodeURIComponent(checkpoint)}`
  return parseDownloadUrl(await getJson(path, { apiKey }))
}
