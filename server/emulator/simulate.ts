import { epochLines, logsOf, type LogLine } from './logs'
import type { WireModel } from './wire-model'

/** The seeded model that fails part way, and at which epoch. */
const failing = { modelId: 'b7d49212-0bee-436a-9218-2a51d1f010f1', atEpoch: 4 }
const failureReason = [
  'RuntimeError: CUDA out of memory. Tried to allocate 3.12 GiB (GPU 0; 22.05 GiB total capacity; 18.40 GiB already allocated)',
  '  File "/opt/marqtune/train.py", line 212, in train_epoch',
  '    loss = model(batch).loss',
].join('\n')

const waiting = new Set(['initializing', 'provisioning', 'pending', 'queued'])

export type Simulation = {
  /** The live log of a model, oldest first. */
  logOf(model: WireModel): LogLine[]
  stop(): void
}

/**
 * Training that happens (`--simulate`): every `epochMs`, waiting models start, running ones
 * gain a checkpoint and its log lines, and finish as ready at their planned epochs; one seeded
 * model fails part way. `models` are changed in place; `onChange` says the list changed.
 */
export function simulate(
  models: WireModel[],
  {
    epochMs,
    onChange,
    now = Date.now,
  }: { epochMs: number; onChange: () => void; now?: () => number },
): Simulation {
  const started = now()
  const logs = new Map<string, LogLine[]>()
  const logOf = (model: WireModel) => {
    let log = logs.get(model.modelId)
    if (!log) logs.set(model.modelId, (log = logsOf(model, started)))
    return log
  }
  const say = (model: WireModel, ...messages: string[]) => {
    const log = logOf(model)
    const at = now()
    log.push(...messages.map((message) => ({ timestamp: at, message })))
  }

  function tick() {
    let changed = false
    for (const model of models) {
      const status = model.status.toLowerCase()
      const secondary = model.secondaryStatus.toLowerCase()
      if (['ready', 'failed', 'stopped', 'finished', 'deleted'].includes(status)) continue
      changed = true
      if (waiting.has(secondary)) {
        model.secondaryStatus = matchCase('running', model.secondaryStatus)
        say(model, `Instance ready, training started on ${model.instanceType}`)
      } else if (secondary === 'uploading') {
        finish(model)
      } else if (secondary === 'running') {
        const epoch = model.checkpoints.length + 1
        if (model.modelId === failing.modelId && epoch === failing.atEpoch) {
          model.status = 'failed'
          model.secondaryStatus = 'failed'
          model.failureReason = failureReason
          say(model, ...failureReason.split('\n'))
          continue
        }
        const checkpoint = `epoch_${epoch}`
        model.checkpoints = [...model.checkpoints, checkpoint]
        say(model, ...epochLines(epoch, checkpoint))
        if (epoch >= plannedEpochs(model)) {
          model.secondaryStatus = matchCase('uploading', model.secondaryStatus)
          say(model, 'Uploading checkpoints')
        }
      } else {
        changed = false
      }
    }
    if (changed) onChange()
  }

  function finish(model: WireModel) {
    model.status = matchCase('ready', model.status)
    model.secondaryStatus = matchCase('ready', model.secondaryStatus)
    say(model, `Training finished: ${model.checkpoints.length} checkpoints`)
  }

  const timer = setInterval(tick, epochMs)
  timer.unref()
  return { logOf, stop: () => clearInterval(timer) }
}

function plannedEpochs(model: WireModel): number {
  const { hyperparameters } = model
  const epochs = typeof hyperparameters === 'object' ? hyperparameters.epochs : undefined
  return typeof epochs === 'number' && epochs > 0 ? epochs : model.checkpoints.length + 1
}

/** A status spelt in capitals stays in capitals. */
function matchCase(value: string, like: string): string {
  return like && like === like.toUpperCase() ? value.toUpperCase() : value
}
