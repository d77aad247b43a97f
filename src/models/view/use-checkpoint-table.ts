import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'

import { datasetQueries } from '@/api/dataset-queries'
import type { Dataset } from '@/api/dataset-schema'
import { evaluationQueries } from '@/api/evaluation-queries'
import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { isMetricKey, usePreference } from '@/lib/preferences'
import { checkpointTable, evaluationsFor } from '@/models/domain/checkpoint-metrics'
import { datasetLabel } from '@/models/domain/datasets'
import { isEvaluating } from '@/models/domain/evaluation-status'
import { defaultMetricKey } from '@/models/domain/metric-names'

import { useEvaluationReadings } from './use-evaluation-readings'

/** How often the evaluations are asked again while one of the open model's is on its way. */
const evaluationRefreshMs = 10_000

/**
 * The account's evaluations as one model's panel needs them: asked again every 10 s while any of
 * this model's (or its base model's) is still running, so a new one is watched to its end.
 */
export function useModelEvaluations(credentials: Credentials, model: Model) {
  const list = useQuery({
    ...evaluationQueries.list(credentials),
    refetchInterval: (query) => {
      const { own, base } = evaluationsFor(model, query.state.data?.evaluations ?? [])
      return [...own, ...base].some(isEvaluating) ? evaluationRefreshMs : false
    },
  })
  const data = list.data
  const { own, relevant } = useMemo(() => {
    const found = evaluationsFor(model, data?.evaluations ?? [])
    return { own: found.own, relevant: [...found.own, ...found.base] }
  }, [model, data])
  return { list, own, relevant }
}

/**
 * One model's checkpoints by their numbers (`checkpointTable`), on the dataset chosen (the one
 * most used unless chosen) and by the metric the person prefers (kept across visits).
 */
export function useCheckpointTable(credentials: Credentials, model: Model, datasetKey?: string) {
  const [preferredMetric, setMetric] = usePreference('bestMetric', isMetricKey, defaultMetricKey)
  const { list, relevant } = useModelEvaluations(credentials, model)
  const readings = useEvaluationReadings(credentials, relevant)
  const { evaluations, metricsOf } = readings
  const table = useMemo(
    () =>
      checkpointTable(model, evaluations, { metricKey: preferredMetric, datasetKey, metricsOf }),
    [model, evaluations, metricsOf, preferredMetric, datasetKey],
  )
  return { list, readings, table, setMetric }
}

/** Datasets by id, for their names; empty until (or unless) the list arrives. */
export function useDatasetNames(credentials: Credentials) {
  const query = useQuery(datasetQueries.list(credentials))
  const { data } = query
  const byId = useMemo(
    () => new Map<string, Dataset>(data?.datasets.map((dataset) => [dataset.datasetId, dataset])),
    [data],
  )
  return { query, byId, labelOf: (datasetId: string | undefined) => datasetLabel(datasetId, byId) }
}
