import { queryOptions } from '@tanstack/react-query'

import { routePath } from '@common/routes'

import { getJson } from './client'
import { listProgress } from './load-progress'
import { unwrapEnvelope } from './envelope'
import { modelListReader, readModel, type Model } from './model-schema'

/**
 * Who is asking. The key never enters a query key (keys end up in devtools and logs);
 * `sessionId`, a random id minted whenever a key is entered, stands for it there, so
 * cached data of one key can never be served to another.
 */
export type Credentials = { sessionId: string; apiKey: string }

export const modelQueries = {
  all: () => ['models'] as const,
  list: ({ sessionId, apiKey }: Credentials) =>
    queryOptions({
      queryKey: [...modelQueries.all(), 'list', sessionId] as const,
      queryFn: async ({ signal }) => {
        try {
          // The list is read as it arrives: little is left to do after its last byte.
          const { reader, list: listOf } = modelListReader()
          const json = await getJson(routePath('listModels'), {
            apiKey,
            signal,
            mark: 'models',
            onProgress: (progress) => listProgress.set(sessionId, progress),
            reader,
          })
          const list = listOf(json)
          performance.mark('models:validated')
          return list
        } finally {
          listProgress.set(sessionId, undefined)
        }
      },
    }),
}

/** `GET /models/{id}`: one model, read as the list reads it; undefined when it is not one. */
export async function fetchModel(
  apiKey: string,
  modelId: string,
  signal?: AbortSignal,
): Promise<Model | undefined> {
  return readModel(
    unwrapEnvelope(await getJson(routePath('describeModel', { modelId }), { apiKey, signal })),
  )
}
