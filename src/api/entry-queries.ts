import { queryOptions } from '@tanstack/react-query'

import { getJson } from './client'
import { readDescribed, type DescribedEntry } from './described-entry'
import type { FieldWarning } from './field-reader'
import type { Credentials } from './model-queries'

/**
 * The query factory of a kind of entry that is listed and described (datasets, evaluations),
 * keyed under `kind`: `list`, the whole list (`listPath`, read by `parseList`, entries that are
 * not ones included, never hidden); `detail`, one described (`describePath`), read as the list
 * reads it, one without its own id read as the one asked for, flagged (`readDescribed`).
 */
export function entryQueries<
  Kind extends string,
  List,
  Entry extends { warnings: readonly FieldWarning[] },
>(
  kind: Kind,
  {
    listPath,
    parseList,
    describePath,
    ...described
  }: DescribedEntry<Entry> & {
    listPath: string
    parseList: (json: unknown) => List
    describePath: (id: string) => string
  },
) {
  const queries = {
    all: () => [kind] as const,

    list: ({ sessionId, apiKey }: Credentials) =>
      queryOptions({
        queryKey: [...queries.all(), 'list', sessionId] as const,
        queryFn: async ({ signal }) => parseList(await getJson(listPath, { apiKey, signal })),
      }),

    detail: ({ sessionId, apiKey }: Credentials, id: string) =>
      queryOptions({
        queryKey: [...queries.all(), 'detail', sessionId, id] as const,
        queryFn: async ({ signal }) =>
          readDescribed(await getJson(describePath(id), { apiKey, signal }), {
            ...described,
            asked: id,
          }),
      }),
  }
  return queries
}
