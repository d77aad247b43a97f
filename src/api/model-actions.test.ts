import { describe, expect, it } from 'vitest'

import { demoKey, installEmulatorFetch, accountModels } from '@/testing/emulator-fetch'
import { ApiError } from './api-error'
import { deleteModel, releaseCheckpoint } from './model-actions'
import { serverConfigQuery } from './server-config'
import { getJson } from './client'

const credentials = { sessionId: 's', apiKey: demoKey }
const model = accountModels.find((each) => each.checkpoints.length >= 1)!

describe('the actions, through the server and the emulator', () => {
  it('releases a checkpoint, and reports a bad one in the service’s words', async () => {
    installEmulatorFetch()
    await expect(releaseCheckpoint(credentials, model.modelId, 'epoch_1')).resolves.toBeUndefined()
    const error: unknown = await releaseCheckpoint(credentials, model.modelId, 'epoch_404').catch(
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      status: 400,
      message: `Invalid checkpoint name: epoch_404 for model: name=${model.modelName}, id=${model.modelId}`,
    })
  })

  it('deletes a model once; a second delete is already deleted, not a failure', async () => {
    installEmulatorFetch()
    expect(await deleteModel(credentials, model.modelId)).toBe('deleted')
    expect(await deleteModel(credentials, model.modelId)).toBe('already-deleted')
    await expect(getJson(`/models/${model.modelId}`, { apiKey: demoKey })).rejects.toMatchObject({
      status: 404,
    })
    await expect(
      deleteModel(credentials, '00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ status: 404, message: 'model not found' })
  })

  it('learns from the server whether it is read-only', async () => {
    installEmulatorFetch()
    const { queryFn } = serverConfigQuery()
    const signal = new AbortController().signal
    // @ts-expect-error: the query function only reads the signal of its context
    expect(await queryFn({ signal })).toEqual({ readOnly: false })
  })
})
