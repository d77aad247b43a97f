import type { WireModel } from './models/wire-model'

export type LogLine = { timestamp: number; message: string }

/** The most lines the service returns for one request (docs/marqtune-api.md). */
export const logPageSize = 500

/** A model this long-trained tells every training step: a log longer than one page. */
const stepLogFrom = 40
const stepsPerEpoch = 20

/** Plausible training logs told by the model itself, one line a minute, ending a minute before `end`. */
export function logsOf(model: WireModel, end: number): LogLine[] {
  const lines: string[] = [
    `Task ${model.modelId} accepted for ${model.baseModel}`,
    `Provisioning ${model.instanceType}`,
    'Downloading training dataset',
  ]
  const stepped = model.checkpoints.length >= stepLogFrom
  model.checkpoints.forEach((checkpoint, index) => {
    if (stepped) {
      for (let step = 1; step <= stepsPerEpoch; step++) {
        const loss = (2.5 / (index + 2 + step / stepsPerEpoch)).toFixed(4)
        lines.push(`Epoch ${index + 1} step ${step}/${stepsPerEpoch}, loss=${loss}`)
      }
    }
    lines.push(...epochLines(index + 1, checkpoint))
  })
  if (model.failureReason) lines.push(...model.failureReason.split('\n'))
  return oneLineAMinute(lines, end)
}

/** `messages` as a seed log: one line a minute, the last a minute before `end`. */
export function oneLineAMinute(messages: string[], end: number): LogLine[] {
  return messages.map((message, index) => ({
    timestamp: end - (messages.length - index) * 60_000,
    message,
  }))
}

export function epochLines(epoch: number, checkpoint: string): string[] {
  const loss = (2.5 / (epoch + 1)).toFixed(4)
  return [`Epoch ${epoch} finished, loss=${loss}`, `Saved checkpoint ${checkpoint}`]
}

/**
 * The documented window: lines with `from <= timestamp <= to`, at most one page of them. With
 * only `from`, the oldest lines of the window (the client pages forward from its last line + 1);
 * otherwise the newest, as without a window. Bounds may be milliseconds or seconds, read by
 * magnitude as the app does.
 */
export function logWindow(lines: LogLine[], from?: string, to?: string): LogLine[] | string {
  const low = bound(from)
  const high = bound(to)
  if (Number.isNaN(low) || Number.isNaN(high)) return 'from and to must be timestamps'
  const inWindow = lines.filter(
    (line) =>
      (low === undefined || line.timestamp >= low) &&
      (high === undefined || line.timestamp <= high),
  )
  return low !== undefined && high === undefined
    ? inWindow.slice(0, logPageSize)
    : inWindow.slice(-logPageSize)
}

function bound(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN
  return number < 1e12 ? number * 1000 : number
}
