import type { WireModel } from './wire-model'

type LogLine = { timestamp: number; message: string }

/** Plausible training logs told by the model itself, ending a minute before `now`. */
export function logsOf(model: WireModel, now: number): LogLine[] {
  const lines: string[] = [
    `Task ${model.modelId} accepted for ${model.baseModel}`,
    `Provisioning ${model.instanceType}`,
    'Downloading training dataset',
  ]
  model.checkpoints.forEach((checkpoint, index) => {
    const loss = (2.5 / (index + 2)).toFixed(4)
    lines.push(`Epoch ${index + 1} finished, loss=${loss}`, `Saved checkpoint ${checkpoint}`)
  })
  if (model.failureReason) lines.push(...model.failureReason.split('\n'))
  const last = lines.slice(-500)
  return last.map((message, index) => ({
    timestamp: now - (last.length - index) * 60_000,
    message,
  }))
}
