import { random } from '../models/generate-models'
import type { LogLine } from '../logs'

/** A checkpoint file stands in at a megabyte or so: real ones are hundreds. */
const checkpointBaseBytes = 1 << 20

/**
 * The bytes of a stand-in checkpoint: a line saying what it is, then noise. The same model and
 * checkpoint always give the same bytes (and size), so a download can be checked.
 */
export function checkpointBytes(modelId: string, checkpoint: string): Uint8Array<ArrayBuffer> {
  const header = new TextEncoder().encode(
    `Marqtune emulator: a stand-in for checkpoint ${checkpoint} of model ${modelId}; not a model.\n`,
  )
  let seed = 0
  for (const char of `${modelId}/${checkpoint}`)
    seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0
  const next = random(seed)
  const bytes = new Uint8Array(checkpointBaseBytes + Math.floor(next() * 65_536))
  bytes.set(header)
  for (let index = header.length; index < bytes.length; index += 4) {
    const word = Math.floor(next() * 2 ** 32)
    bytes[index] = word & 0xff
    bytes[index + 1] = (word >>> 8) & 0xff
    bytes[index + 2] = (word >>> 16) & 0xff
    bytes[index + 3] = word >>> 24
  }
  return bytes
}

/** A whole log as one text file: an ISO time and the message, a line each. */
export function logFileText(lines: readonly LogLine[]): string {
  return lines.map((line) => `${new Date(line.timestamp).toISOString()} ${line.message}\n`).join('')
}
