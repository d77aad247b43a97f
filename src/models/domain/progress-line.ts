/**
 * One training log line read as progress: the numbers it reports by name (`loss=0.41`,
 * `Loss: 0.4512`, `'loss': 0.45`), and where in training it is (epoch, step) when it says so.
 *
 * Conservative on purpose: a value is read only as `name=number` or `name: number` (quoted names
 * as in a printed dict, `tensor(0.45)` and `np.float64(0.45)` too), never `name number`, which
 * in a log is as often `GPU 0` or `line 212` as a loss. A line counts only when it looks like
 * progress: it names an epoch or a step, or reports a value whose name holds "loss". The first
 * number after a name is its value (`Loss: 0.4512 (0.5012)` is 0.4512; the bracket is a running
 * mean). The regular expressions below do the scanning (the engine's own loop is several times
 * faster than one in JavaScript before the JIT warms up: a 500-line page in a few milliseconds);
 * each starts with a look-behind and repeats only boundedly but for runs of digits, so no line
 * can make one backtrack for long.
 */

export type ProgressLine = {
  epoch: number | undefined
  /** The epoch was written with a fraction (`'epoch': 0.5`, `1.0`): the line is within an epoch. */
  epochFractional: boolean
  /** A step, iteration or sample counter, and what it counts to when the line says (`3/20`). */
  step: number | undefined
  stepTotal: number | undefined
  /** `key`: the name lowercased, spaces as `_`, so that `Loss` and `loss` are one series. */
  values: { name: string; key: string; value: number }[]
}

/** Past this, a line is not progress anyone reads: the rest is not scanned. */
const longestProgressLine = 2_000

const epochNames = new Set(['epoch', 'train_epoch', 'training_epoch'])
const stepNames = new Set(['step', 'global_step', 'steps', 'iteration', 'iter', 'it', 'train_step'])
/** Lightning's version number on every progress bar: not a series. */
const ignoredNames = new Set(['v_num'])
/** First words that make a two-word name (`Train Epoch`, `Logit Scale`, `Validation loss`). */
const nameQualifiers = new Set([
  'train',
  'training',
  'eval',
  'evaluation',
  'val',
  'valid',
  'validation',
  'test',
  'logit',
  'mean',
  'avg',
  'average',
  'total',
  'running',
  'learning',
])
/** Words that give a step when a number follows (`step 3/20`, `Iteration 100`, `Batch 10`). */
const stepWords = ['step', 'iteration', 'iter', 'batch']

/**
 * `name=number`, `name: number`, `'name': number`: a name not inside another word or a quoted
 * text, up to three spaces, a separator, an optional wrapping call (`tensor(`), a number that
 * ends at a space, the end, or closing punctuation (`45%`, `12:00`, `3/20` are not values).
 */
const namedNumber =
  /(?<![\w./@'"])(?:(['"])([A-Za-z_][^'"\n]{0,63})\1|([A-Za-z_][\w./@]{0,63})) {0,3}[=:] {0,3}(?:[A-Za-z_][\w.]{0,15}\()?([-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?)(?=$|[\s,;)\]}|'"])/g

/** A whole position word and the number after it: `Epoch 2`, `epoch [2/10]`, `step 3/20`. */
const positionWord =
  /(?<![\w./@])(epoch|step|iteration|iter|batch)(?![\w./@])[ :=[(#]{0,4}(\d+(?:\.\d+)?)(?![\w.])(?: ?\/ {0,3}(\d+)(?![\d.]))?/gi

/** tqdm's `| 141/313 [` and open_clip's `[ 2048/10000 (20%)]`: a counter within the epoch. */
const progressCounter = /[|[] {0,8}(\d{1,12})\/(\d{1,12}) {0,8}[[(]/

export function readProgressLine(message: string): ProgressLine | undefined {
  const line =
    message.length > longestProgressLine ? message.slice(0, longestProgressLine) : message
  const read: ProgressLine = {
    epoch: undefined,
    epochFractional: false,
    step: undefined,
    stepTotal: undefined,
    values: [],
  }
  namedNumber.lastIndex = 0
  for (let match = namedNumber.exec(line); match; match = namedNumber.exec(line)) {
    const text = match[4]!
    const name = match[2] ?? qualified(line, match.index, match[3]!)
    const key = name.toLowerCase().replaceAll(' ', '_')
    if (epochNames.has(key)) {
      if (read.epoch === undefined) {
        read.epoch = Number(text)
        read.epochFractional = text.includes('.')
      }
    } else if (stepNames.has(key)) read.step ??= Number(text)
    else if (!ignoredNames.has(key)) read.values.push({ name, key, value: Number(text) })
  }
  if (!read.values.length) return undefined
  positionWord.lastIndex = 0
  for (let match = positionWord.exec(line); match; match = positionWord.exec(line)) {
    const word = match[1]!.toLowerCase()
    if (word === 'epoch' && read.epoch === undefined) {
      read.epoch = Number(match[2])
      read.epochFractional = match[2]!.includes('.')
    } else if (word !== 'epoch' && read.step === undefined && stepWords.includes(word)) {
      read.step = Number(match[2])
      read.stepTotal = match[3] ? Number(match[3]) : undefined
    }
  }
  if (read.step === undefined) {
    const counter = progressCounter.exec(line)
    if (counter) {
      read.step = Number(counter[1])
      read.stepTotal = Number(counter[2])
    }
  }
  const placed = read.epoch !== undefined || read.step !== undefined
  return placed || read.values.some((value) => /loss/i.test(value.name)) ? read : undefined
}

/** A name with the qualifier before it, when there is one: `Train Epoch`, `Logit Scale`. */
function qualified(line: string, start: number, word: string): string {
  if (start < 2 || line[start - 1] !== ' ') return word
  let before = start - 1
  while (before > 0 && start - 1 - before < 20 && isLetter(line.charCodeAt(before - 1))) before--
  const qualifier = line.slice(before, start - 1)
  const boundary = before === 0 || !/[\w./@]/.test(line[before - 1]!)
  return boundary && nameQualifiers.has(qualifier.toLowerCase()) ? `${qualifier} ${word}` : word
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}
