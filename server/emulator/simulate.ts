import type { AccountState } from './account-state'
import { evaluationRunLines } from './evaluations/evaluation-logs'
import {
  metricsAt,
  metricsOnWire,
  qualityOf,
  resultsLine,
  trainedModelIn,
} from './evaluations/metrics'
import type { EvaluationRecord } from './evaluations/wire-evaluation'
import { epochLines } from './logs'
import { plannedEpochs, type WireModel } from './models/wire-model'

/** The seeded model that fails part way, and at which epoch. */
const failing = { modelId: 'b7d49212-0bee-436a-9218-2a51d1f010f1', atEpoch: 4 }
const failureReason = [
  'RuntimeError: CUDA out of memory. Tried to allocate 3.12 GiB (GPU 0; 22.05 GiB total capacity; 18.40 GiB already allocated)',
  '  File "/opt/marqtune/train.py", line 212, in train_epoch',
  '    loss = model(batch).loss',
].join('\n')

/** Ends, as the official client knows them (in `status`). */
const ends = new Set(['ready', 'failed', 'stopped', 'finished', 'deleted'])
const isRunning = (status: string) => !ends.has(status.toLowerCase())
/** Seeds may wait in words of their own; a task the emulator runs only ever says these. */
const provisioned = new Set(['provisioning', 'pending', 'queued'])

export type Simulation = {
  /** A training task started here: it moves from now on, and stops at its `maxTrainingTime`. */
  startTraining(model: WireModel): void
  /** An evaluation started here. */
  startEvaluation(record: EvaluationRecord): void
  /** A deleted task stops. */
  stopTask(id: string): void
  /** Every task started here stops (the account is reset). */
  stopStarted(): void
  /** One step of every task now, whatever the clock (tests: `POST /__emulator/step`). */
  step(): void
  /** The clock stops. */
  stop(): void
}

/**
 * Tasks that happen, one step every `epochMs`, in the states the official client knows: a
 * training waits (`initializing`, then `provisioning`, in `secondaryStatus`), runs (`running`,
 * a checkpoint and its log lines each step), uploads (`uploading`) and ends `ready`, or
 * `stopped` when its `maxTrainingTime` runs out; an evaluation waits, runs and ends `ready`
 * with its metrics and a results line in its log. Tasks started through the API always move;
 * the seeds' own tasks only with `moveSeeds` (`--simulate`), and one of them fails part way.
 */
export function simulate(
  state: AccountState,
  { epochMs, moveSeeds }: { epochMs: number; moveSeeds: boolean },
): Simulation {
  const models = new Set(moveSeeds ? state.seeds.models.filter((m) => isRunning(m.status)) : [])
  const evaluations = new Set(
    moveSeeds ? state.seeds.evaluations.filter((e) => isRunning(e.evaluation.status)) : [],
  )
  const started = new Set<string>()
  const deadlines = new Map<string, ReturnType<typeof setTimeout>>()

  function stepModel(model: WireModel): boolean {
    const secondary = model.secondaryStatus.toLowerCase()
    if (!isRunning(model.status)) {
      models.delete(model)
      return false
    }
    if (secondary === 'initializing') {
      model.secondaryStatus = matchCase('provisioning', model.secondaryStatus)
      state.sayForModel(model, `Provisioning ${model.instanceType}`)
    } else if (provisioned.has(secondary)) {
      model.secondaryStatus = matchCase('running', model.secondaryStatus)
      state.sayForModel(model, `Instance ready, training started on ${model.instanceType}`)
    } else if (secondary === 'running') {
      const epoch = model.checkpoints.length + 1
      if (model.modelId === failing.modelId && epoch === failing.atEpoch) {
        end(model, 'failed', ...failureReason.split('\n'))
        model.failureReason = failureReason
        return true
      }
      const checkpoint = `epoch_${epoch}`
      model.checkpoints = [...model.checkpoints, checkpoint]
      state.sayForModel(model, ...epochLines(epoch, checkpoint))
      if (epoch >= plannedEpochs(model)) {
        model.secondaryStatus = matchCase('uploading', model.secondaryStatus)
        state.sayForModel(model, 'Uploading checkpoints')
      }
    } else if (secondary === 'uploading') {
      end(model, 'ready', `Training finished: ${model.checkpoints.length} checkpoints`)
    } else {
      // A seed in a state no step leads out of: it stays as it is.
      models.delete(model)
      return false
    }
    return true
  }

  function end(model: WireModel, status: 'ready' | 'failed' | 'stopped', ...messages: string[]) {
    model.status = matchCase(status, model.status)
    model.secondaryStatus = matchCase(status, model.secondaryStatus)
    state.sayForModel(model, ...messages)
    models.delete(model)
    clearTimeout(deadlines.get(model.modelId))
    deadlines.delete(model.modelId)
  }

  function stepEvaluation(record: EvaluationRecord) {
    const { evaluation } = record
    const secondary = evaluation.secondaryStatus.toLowerCase()
    if (secondary === 'initializing') {
      evaluation.secondaryStatus = 'provisioning'
    } else if (secondary === 'provisioning') {
      evaluation.secondaryStatus = 'running'
      state.sayForEvaluation(record, evaluationRunLines[0]!)
    } else if (secondary === 'running' && record.model && record.datasetId) {
      const trained = trainedModelIn(state.listModels())
      const metrics = metricsAt(qualityOf(record.model, record.datasetId, trained))
      record.metrics = metrics
      evaluation.evaluationMetrics = metricsOnWire(metrics, 'flat')
      evaluation.status = 'ready'
      evaluation.secondaryStatus = 'ready'
      state.sayForEvaluation(
        record,
        evaluationRunLines[1]!,
        resultsLine(metrics),
        'Evaluation finished',
      )
      evaluations.delete(record)
    } else {
      evaluations.delete(record)
    }
  }

  function tick() {
    let changed = false
    for (const model of models) changed = stepModel(model) || changed
    for (const record of evaluations) stepEvaluation(record)
    if (changed) state.changed()
    if (!models.size && !evaluations.size) stopClock()
  }

  // The clock runs only while something moves: an emulator at rest schedules nothing.
  let timer: ReturnType<typeof setInterval> | undefined
  function startClock() {
    if (timer) return
    timer = setInterval(tick, epochMs)
    timer.unref()
  }
  function stopClock() {
    clearInterval(timer)
    timer = undefined
  }
  if (models.size || evaluations.size) startClock()

  function stopTask(id: string) {
    for (const model of models) if (model.modelId === id) models.delete(model)
    for (const record of evaluations) {
      if (record.evaluation.evaluationId === id) evaluations.delete(record)
    }
    clearTimeout(deadlines.get(id))
    deadlines.delete(id)
  }

  return {
    startTraining(model) {
      models.add(model)
      started.add(model.modelId)
      startClock()
      const seconds = Number(model.maxTrainingTime)
      if (!(seconds > 0)) return
      const deadline = setTimeout(() => {
        if (!models.has(model)) return
        end(
          model,
          'stopped',
          `Training stopped: maxTrainingTime (${seconds} s) reached after ${model.checkpoints.length} of ${plannedEpochs(model)} epochs`,
        )
        state.changed()
      }, seconds * 1000)
      deadline.unref()
      deadlines.set(model.modelId, deadline)
    },
    startEvaluation(record) {
      evaluations.add(record)
      started.add(record.evaluation.evaluationId)
      startClock()
    },
    stopTask,
    stop() {
      stopClock()
      for (const deadline of deadlines.values()) clearTimeout(deadline)
    },
    stopStarted() {
      for (const id of started) stopTask(id)
      started.clear()
    },
    step: tick,
  }
}

/** A status spelt in capitals stays in capitals. */
function matchCase(value: string, like: string): string {
  return like && like === like.toUpperCase() ? value.toUpperCase() : value
}
