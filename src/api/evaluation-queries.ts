import { queryOptions } from '@tanstack/react-query'

import { routePath } from '@common/routes'

import { getJson } from './client'
import { parseDownloadUrl } from './download-links'
import { entryQueries } from './entry-queries'
import { fetchLastLogPage } from './evaluation-logs'
import { parseEvaluationList, readEvaluation } from './evaluation-schema'
import type { Credentials } from './model-queries'

// Evaluations: the account's list, one described, its last log page. Loaded with the panel and
// the evaluations view, not with the first screen. The key never enters a query key: the session
// id stands for it (decisions/0001).

/**
 * `GET /evaluation` (`list`) and `GET /evaluation/{id}` (`detail`: the list's fields and
 * `evaluationMetrics`).
 */
const listedAndDescribed = entryQueries('evaluations', {
  listPath: routePath('listEvaluations'),
  parseList: parseEvaluationList,
  describePath: (evaluationId) => routePath('describeEvaluation', { evaluationId }),
  field: 'evaluation',
  idField: 'evaluationId',
  read: readEvaluation,
  what: 'an evaluation',
})

export const evaluationQueries = {
  ...listedAndDescribed,

  /**
   * The newest page of an evaluation's log (`logPageSize` lines at most, oldest first), where
   * the walkthrough finds the results when describe has none. `asOf` is the evaluation's status
   * when the log was wanted (`ready`, say): a log grows until its evaluation ends, so a log
   * fetched while it ran is never served as a finished one's.
   */
  lastLogPage: ({ sessionId, apiKey }: Credentials, evaluationId: string, asOf = '') =>
    queryOptions({
      queryKey: [...listedAndDescribed.all(), 'log', sessionId, evaluationId, asOf] as const,
      queryFn: ({ signal }) => fetchLastLogPage(apiKey, evaluationId, signal),
    }),
}

/**
 * The contract's `evaluationResults`: the presigned link to a ready evaluation's results file
 * (more metrics than describe holds). Asked on demand, never cached: it expires.
 */
export async function fetchEvaluationResultsUrl(
  { apiKey }: Credentials,
  evaluationId: string,
): Promise<string> {
  return parseDownloadUrl(
    await getJson(routePath('evaluationResults', { evaluationId }), { apiKey }),
  )
}
