import { useQuery } from '@tanstack/react-query'

import { evaluationQueries } from '@/api/evaluation-queries'
import type { Evaluation } from '@/api/evaluation-schema'
import type { Credentials } from '@/api/model-queries'
import { hasActiveEvaluations, pollIntervalMs } from '@/models/live/polling'
import { useDatasetNames } from '@/models/view/use-checkpoint-table'

/** How often the list is asked again: as the models' is while any is on its way, else never. */
export function refreshInterval(evaluations: readonly Evaluation[] | undefined): number | false {
  return evaluations && hasActiveEvaluations(evaluations)
    ? pollIntervalMs(evaluations.length)
    : false
}

/**
 * The account's evaluations, asked again while any is on its way (as the models are), and the
 * datasets for their names. A failed refresh keeps what was read: `list.data` stays.
 */
export function useAccountEvaluations(credentials: Credentials) {
  const list = useQuery({
    ...evaluationQueries.list(credentials),
    refetchInterval: (query) => refreshInterval(query.state.data?.evaluations),
  })
  const names = useDatasetNames(credentials)
  return { list, datasets: names.query, datasetsById: names.byId }
}
