import type { Context } from 'hono'

import type { EmulatorContext, Handlers } from '../emulator-context'
import { resultsFile } from '../evaluations/metrics'
import { checkpointBytes, logFileText } from './generated-files'
import type { LinkCheck } from './presigned-links'

type FileRoute =
  'checkpointFile' | 'modelLogFileContents' | 'evaluationLogFileContents' | 'evaluationResultsFile'

/** An error as S3 sends it for a presigned link: XML, which no client here reads further. */
export function storageError(status: 403 | 404, code: string, message: string): Response {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`
  return new Response(body, { status, headers: { 'content-type': 'application/xml' } })
}

/** Why a link that is not valid is refused, in S3's words. */
export function refusedLink(check: Exclude<LinkCheck, 'valid'>): Response {
  return check === 'expired'
    ? storageError(403, 'AccessDenied', 'Request has expired')
    : storageError(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
      )
}

export const noSuchKey = () => storageError(404, 'NoSuchKey', 'The specified key does not exist.')

function file(c: Context, body: Uint8Array<ArrayBuffer> | string, type: string): Response {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
  // The length lets a client show its progress (the official one draws a bar from it).
  return c.body(bytes, 200, { 'content-type': type, 'content-length': String(bytes.byteLength) })
}

/**
 * The files behind the emulator's presigned links (their signature is checked before these
 * run): a stand-in checkpoint, a whole log, an evaluation's results. A file name the link did
 * not come with, or a model or evaluation deleted since, is a missing key.
 */
export function fileHandlers({ state }: EmulatorContext): Handlers<FileRoute> {
  return {
    checkpointFile: (c, { params }) => {
      const model = state.findModel(params.modelId!)
      const checkpoint = params.fileName!.replace(/\.pt$/, '')
      if (
        typeof model === 'string' ||
        !params.fileName!.endsWith('.pt') ||
        !model.checkpoints.includes(checkpoint)
      ) {
        return noSuchKey()
      }
      return file(c, checkpointBytes(model.modelId, checkpoint), 'application/octet-stream')
    },

    modelLogFileContents: (c, { params }) => {
      const model = state.findModel(params.modelId!)
      if (typeof model === 'string' || params.fileName !== `${model.modelId}.log`)
        return noSuchKey()
      return file(c, logFileText(state.modelLog(model)), 'text/plain; charset=utf-8')
    },

    evaluationLogFileContents: (c, { params }) => {
      const record = state.findEvaluation(params.evaluationId!)
      if (
        typeof record === 'string' ||
        params.fileName !== `${record.evaluation.evaluationId}.log`
      ) {
        return noSuchKey()
      }
      return file(c, logFileText(state.evaluationLog(record)), 'text/plain; charset=utf-8')
    },

    evaluationResultsFile: (c, { params }) => {
      const record = state.findEvaluation(params.evaluationId!)
      const { evaluationId } = typeof record === 'string' ? { evaluationId: '' } : record.evaluation
      if (
        typeof record === 'string' ||
        !record.metrics ||
        params.fileName !== `${evaluationId}.json`
      ) {
        return noSuchKey()
      }
      const about = { evaluationId, model: record.model, datasetId: record.datasetId }
      return file(c, resultsFile(record.metrics, about), 'application/json')
    },
  }
}
