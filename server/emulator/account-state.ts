import type { Account } from './accounts'
import { datasetLogOf } from './datasets/dataset-logs'
import type { WireDataset } from './datasets/wire-dataset'
import { evaluationLogOf } from './evaluations/evaluation-logs'
import type { EvaluationRecord } from './evaluations/wire-evaluation'
import { logBook } from './log-book'
import { logsOf, type LogLine } from './logs'
import { modelActions } from './models/model-actions'
import type { WireModel } from './models/wire-model'

export type Found<T> = T | 'not found' | 'deleted'

/**
 * One emulated account as it is now: its seeds, the models and evaluations started since, what
 * was released and deleted, and every task's log. A reset (`DELETE /__emulator/state`) brings
 * it back to its seeds, so tests sharing one emulator do not interfere.
 */
export function accountState(
  account: Account,
  {
    keepDeleted,
    ownSeeds,
    now,
  }: {
    keepDeleted: boolean
    /** The seeds will change (their tasks move): work on copies, never the shared seed. */
    ownSeeds: boolean
    now: () => number
  },
) {
  const seeds = ownSeeds ? structuredClone(account) : account
  // Seed logs end where the emulator started, so their timestamps hold still between requests.
  const logsEnd = now()
  const logs = logBook(now)
  const actions = modelActions({ keepDeleted })
  const datasetsById = new Map(seeds.datasets.map((dataset) => [dataset.datasetId, dataset]))
  let models: WireModel[] = [...seeds.models]
  let modelsById = new Map(models.map((model) => [model.modelId, model]))
  let evaluations: EvaluationRecord[] = [...seeds.evaluations]
  const deletedEvaluations = new Set<string>()
  /** Counts changes of the model list, so its serialised form is made once per change. */
  let version = 0

  const modelLog = (model: WireModel) => () => logsOf(model, logsEnd)
  const evaluationLog = (record: EvaluationRecord) => () => evaluationLogOf(record, logsEnd)

  return {
    seeds,
    get version() {
      return version
    },
    changed: () => void version++,

    listModels: () => actions.list(models),
    findModel(modelId: string): Found<WireModel> {
      const model = modelsById.get(modelId)
      if (!model) return 'not found'
      return actions.shown(model) ?? 'deleted'
    },
    /** Whether the id names a model, deleted or not (delete tells the two apart). */
    hasModel: (modelId: string) => modelsById.has(modelId),
    isModelDeleted: (modelId: string) => actions.isDeleted(modelId),
    /** A model started here: its log begins now, empty. */
    addModel(model: WireModel) {
      models = [...models, model]
      modelsById.set(model.modelId, model)
      logs.of(`model ${model.modelId}`, () => [])
      version++
    },
    deleteModel(modelId: string) {
      actions.delete(modelId)
      version++
    },
    release: (modelId: string, checkpoint: string) => actions.release(modelId, checkpoint),
    modelLog: (model: WireModel): LogLine[] => logs.of(`model ${model.modelId}`, modelLog(model)),
    sayForModel: (model: WireModel, ...messages: string[]) =>
      logs.say(`model ${model.modelId}`, modelLog(model), ...messages),

    listEvaluations: () =>
      evaluations.filter((record) => !deletedEvaluations.has(record.evaluation.evaluationId)),
    findEvaluation(evaluationId: string): Found<EvaluationRecord> {
      const record = evaluations.find((each) => each.evaluation.evaluationId === evaluationId)
      if (!record) return 'not found'
      return deletedEvaluations.has(evaluationId) ? 'deleted' : record
    },
    /** An evaluation started here: its log begins now, empty. */
    addEvaluation(record: EvaluationRecord) {
      evaluations = [...evaluations, record]
      logs.of(`evaluation ${record.evaluation.evaluationId}`, () => [])
    },
    deleteEvaluation: (evaluationId: string) => void deletedEvaluations.add(evaluationId),
    evaluationLog: (record: EvaluationRecord): LogLine[] =>
      logs.of(`evaluation ${record.evaluation.evaluationId}`, evaluationLog(record)),
    sayForEvaluation: (record: EvaluationRecord, ...messages: string[]) =>
      logs.say(`evaluation ${record.evaluation.evaluationId}`, evaluationLog(record), ...messages),

    datasets: seeds.datasets,
    findDataset: (datasetId: string): WireDataset | undefined => datasetsById.get(datasetId),
    datasetLog: (dataset: WireDataset): LogLine[] =>
      logs.of(`dataset ${dataset.datasetId}`, () => datasetLogOf(dataset, logsEnd)),

    /** Back to the seeds as they are now: started tasks gone, deletions and releases undone. */
    reset() {
      actions.reset()
      deletedEvaluations.clear()
      models = [...seeds.models]
      modelsById = new Map(models.map((model) => [model.modelId, model]))
      evaluations = [...seeds.evaluations]
      // Seeds that move keep their logs, which hold what they did since the start.
      if (!ownSeeds) logs.clear()
      version++
    },
  }
}

export type AccountState = ReturnType<typeof accountState>
