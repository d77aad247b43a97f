import { readProgressLine, type ProgressLine } from './progress-line'

/**
 * The numbers a training log reports, as series to draw: loss, and whatever else progress lines
 * report by name (progress-line.ts says which lines and values count). Three views of the same
 * numbers, for the screen to choose from:
 *
 * - `perStep`: lines within an epoch. Where every such line places itself in its epoch (an epoch
 *   and a step out of a total, `Epoch 18 step 7/20`, or a fractional epoch, `'epoch': 0.5` as
 *   Hugging Face's trainer prints), by that epoch and its fraction (axis `epoch`: 18.35), which
 *   means the same on every page of a long log. Otherwise by step (axis `step`): a counter that
 *   starts again each epoch is made continuous (the counts of the epochs before are added, from
 *   the first line given), so steps never go backwards.
 * - `perEpoch`: lines that report a whole epoch (`Epoch 3 finished, loss=0.62`), by epoch; when
 *   one epoch reports a name twice, its last number.
 * - `byLine`: every number read, by the line's place among the lines given: the only view for a
 *   value whose line says neither step nor epoch, and so nothing read is left out of all views.
 */

export type SeriesPoint = { x: number; y: number; line: number }
export type LogSeries = {
  /** The name lowercased, spaces as `_`: one series however a line capitalises it. */
  key: string
  /** As the log first spelt it. */
  name: string
  points: SeriesPoint[]
}
export type SeriesSet = { axis: 'step' | 'epoch' | 'line'; series: LogSeries[] }

export type LogSeriesReport = {
  perStep: SeriesSet | undefined
  perEpoch: SeriesSet | undefined
  byLine: SeriesSet | undefined
  /** How many lines gave numbers. */
  linesRead: number
}

type Placed = { line: number; read: ProgressLine; x: number | undefined }

export function logSeries(lines: readonly { message: string }[]): LogSeriesReport {
  const byLine: Placed[] = []
  const withinEpoch: Placed[] = []
  const wholeEpochs: Placed[] = []
  let placedInEpoch = true
  lines.forEach(({ message }, index) => {
    const read = readProgressLine(message)
    if (!read) return
    const line = index + 1
    byLine.push({ line, read, x: line })
    if (read.step !== undefined || (read.epoch !== undefined && read.epochFractional)) {
      const x = epochPosition(read)
      placedInEpoch &&= x !== undefined
      withinEpoch.push({ line, read, x })
    } else if (read.epoch !== undefined) {
      wholeEpochs.push({ line, read, x: read.epoch })
    }
  })
  return {
    perStep: placedInEpoch
      ? seriesSet('epoch', withinEpoch, false)
      : seriesSet(
          'step',
          continuousSteps(withinEpoch.filter((each) => each.read.step !== undefined)),
          false,
        ),
    perEpoch: seriesSet('epoch', wholeEpochs, true),
    byLine: seriesSet('line', byLine, false),
    linesRead: byLine.length,
  }
}

/** Where a line is in training counted in epochs: `Epoch 18 step 7/20` is 18.35. */
function epochPosition({ epoch, epochFractional, step, stepTotal }: ProgressLine) {
  if (epoch === undefined) return undefined
  if (step === undefined) return epochFractional ? epoch : undefined
  return stepTotal ? epoch + Math.min(step, stepTotal) / stepTotal : undefined
}

/** Steps made continuous across epochs whose counter starts again. */
function continuousSteps(lines: readonly Placed[]): Placed[] {
  let offset = 0
  let last: ProgressLine | undefined
  return lines.map(({ line, read }) => {
    const step = read.step!
    if (last) {
      const newEpoch =
        read.epoch !== undefined && last.epoch !== undefined && read.epoch > last.epoch
      // The previous epoch's length: its total when the line said it, and never less than
      // its last step, so that steps never go backwards.
      if (step < last.step! || (newEpoch && step <= last.step!)) {
        offset += Math.max(last.stepTotal ?? 0, last.step!)
      }
    }
    last = read
    return { line, read, x: offset + step }
  })
}

function seriesSet(
  axis: SeriesSet['axis'],
  placed: readonly Placed[],
  lastPerX: boolean,
): SeriesSet | undefined {
  const byKey = new Map<string, LogSeries>()
  for (const { line, read, x } of placed) {
    if (x === undefined) continue
    for (const { name, key, value } of read.values) {
      let series = byKey.get(key)
      if (!series) byKey.set(key, (series = { key, name, points: [] }))
      const previous = series.points.at(-1)
      if (lastPerX && previous?.x === x)
        series.points[series.points.length - 1] = { x, y: value, line }
      else series.points.push({ x, y: value, line })
    }
  }
  if (!byKey.size) return undefined
  // Loss first: it is what people open the chart for.
  const series = [...byKey.values()].toSorted(
    (a, b) => Number(!/loss/i.test(a.name)) - Number(!/loss/i.test(b.name)),
  )
  for (const { points } of series) {
    if (!isSorted(points)) points.sort((a, b) => a.x - b.x || a.line - b.line)
  }
  return { axis, series }
}

/** The view to open first: by step when the log has one, else by epoch, else by line. */
export function preferredSeries(report: LogSeriesReport): SeriesSet | undefined {
  return report.perStep ?? report.perEpoch ?? report.byLine
}

function isSorted(points: readonly SeriesPoint[]): boolean {
  for (let index = 1; index < points.length; index++) {
    if (points[index]!.x < points[index - 1]!.x) return false
  }
  return true
}
