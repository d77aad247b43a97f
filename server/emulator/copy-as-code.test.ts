import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { listen } from '../../scripts/demo-servers'
import { parseModelList } from '../../src/api/model-schema'
import {
  codeSnippet,
  keyVariable,
  serviceUrl,
  snippetActions,
  type SnippetAction,
} from '../../src/models/domain/code-snippets'
import { demoAccount } from './accounts'
import { evaluationDatasets, trainingDatasets } from './datasets/dataset-ids'
import { createEmulatorApp, demoKey } from './emulator-app'

/**
 * Copy as code that runs: every snippet the dashboard offers (src/models/domain/code-snippets.ts),
 * run as it is over real HTTP against an emulator holding the demo account, cURL in `sh`, Python with a stand-in of the official
 * client (server/emulator/testing/python) that makes the same requests. Only the base URL (the
 * service's by default) and the placeholders a person fills in are replaced.
 * `MARQTUNE_SNIPPETS_URL` points them at an emulator already running (`npm run emulator`).
 */
const run = promisify(execFile)
const stubClient = resolve('server/emulator/testing/python')
const { models } = parseModelList({ models: demoAccount.models })
const byName = (name: string) => models.find((model) => model.modelName === name)!
// Both instance types; one with a time limit (max_training_time), one without; two datasets.
const examples = [byName('gs-apparel-v4'), byName('fashion-clip-ecom-titles')]
const placeholders: Record<string, string> = {
  '<EVALUATION_DATASET_ID>': evaluationDatasets.imageText,
  '<TRAINING_DATASET_ID>': trainingDatasets.imageText,
}
const datasetsFor: Record<string, Record<string, string>> = {
  'fashion-clip-ecom-titles': {
    '<EVALUATION_DATASET_ID>': evaluationDatasets.fashionTitles,
    '<TRAINING_DATASET_ID>': trainingDatasets.fashionTitles,
  },
}

let baseUrl = process.env.MARQTUNE_SNIPPETS_URL ?? ''
let close = () => {}
let workDir = ''
beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'snippets-'))
  if (baseUrl) return
  // Short steps: the evaluate snippet waits for its evaluation to end.
  const app = createEmulatorApp({ account: demoAccount, keys: [demoKey], epochMs: 20 })
  const server = await listen(app.fetch)
  baseUrl = server.url
  close = server.close
})
afterAll(() => {
  close()
  rmSync(workDir, { recursive: true, force: true })
})

function runnable(language: 'python' | 'curl', action: SnippetAction, modelName: string) {
  const model = byName(modelName)
  const text = codeSnippet(language, action, model, 'epoch_2', baseUrl)
  expect(text).toContain(baseUrl)
  expect(codeSnippet(language, action, model, 'epoch_2')).toContain(serviceUrl)
  const filled = { ...placeholders, ...datasetsFor[modelName] }
  return Object.entries(filled).reduce((code, [from, to]) => code.replaceAll(from, to), text)
}

async function get(path: string) {
  const response = await fetch(`${baseUrl}${path}`, { headers: { 'x-api-key': demoKey } })
  return (await response.json()) as Record<string, unknown>
}

async function evaluations() {
  return ((await get('/evaluation')) as { evaluations: Array<Record<string, unknown>> }).evaluations
}

const env = { ...process.env, [keyVariable]: demoKey }

describe.each(examples.map((model) => model.modelName))('the cURL snippets of %s', (name) => {
  const curl = async (action: SnippetAction) => {
    const { stdout } = await run('sh', ['-c', runnable('curl', action, name)], { env })
    return JSON.parse(stdout) as Record<string, unknown>
  }
  const model = byName(name)

  it('download: a link that downloads without the key', async () => {
    const { downloadUrl } = await curl('download')
    const response = await fetch(String(downloadUrl))
    expect(response.status).toBe(200)
    expect(Number(response.headers.get('content-length'))).toBe(
      (await response.arrayBuffer()).byteLength,
    )
    expect(new URL(String(downloadUrl)).pathname).toMatch(/\/epoch_2\.pt$/)
  })

  it('release', async () => {
    expect(await curl('release')).toEqual({ modelId: model.modelId })
  })

  it('evaluate: an evaluation of the checkpoint starts', async () => {
    const { evaluationId } = await curl('evaluate')
    const evaluation = await get(`/evaluation/${String(evaluationId)}`)
    expect(evaluation.model).toBe(`${model.modelId}/epoch_2`)
  })

  it('train on top of it: a model whose base is the checkpoint starts', async () => {
    const { modelId } = await curl('train')
    const trained = await get(`/models/${String(modelId)}`)
    expect(trained).toMatchObject({
      modelName: `${name} (from epoch_2)`,
      baseModel: `${model.modelId}/epoch_2`,
      instanceType: model.instanceType,
      hyperparameters: model.hyperparameters,
    })
    expect(trained.maxTrainingTime).toBe(model.maxTrainingTime)
  })
})

describe.each(examples.map((model) => model.modelName))('the Python snippets of %s', (name) => {
  const python = (action: SnippetAction) =>
    run('python3', ['-c', runnable('python', action, name)], {
      cwd: workDir,
      env: { ...env, PYTHONPATH: stubClient, MARQTUNE_STUB_POLL_SECONDS: '0.02' },
    })
  const model = byName(name)

  it('download: saves <modelId>_epoch_2.pt, whole', async () => {
    await python('download')
    const file = join(workDir, `${model.modelId}_epoch_2.pt`)
    expect(readdirSync(workDir)).toContain(`${model.modelId}_epoch_2.pt`)
    expect(statSync(file).size).toBeGreaterThan(1 << 20)
  })

  it('release', async () => {
    await expect(python('release')).resolves.toBeDefined()
  })

  // A Python process following an evaluation through its states: seconds on a loaded machine.
  it(
    'evaluate: waits for the evaluation to end, following its log',
    { timeout: 30_000 },
    async () => {
      const before = new Set((await evaluations()).map((each) => each.evaluationId))
      const { stdout } = await python('evaluate')
      // Printed while it ran: the client follows the log from its last line + 1.
      expect(stdout).toContain('Encoding queries and documents')
      const started = (await evaluations()).filter((each) => !before.has(each.evaluationId))
      expect(started).toEqual([
        expect.objectContaining({ model: `${model.modelId}/epoch_2`, status: 'ready' }),
      ])
    },
  )

  it('train on top of it, without waiting', async () => {
    await python('train')
    const { models: listed } = (await get('/models')) as { models: Array<Record<string, unknown>> }
    expect(
      listed.filter((each) => each.modelName === `${name} (from epoch_2)`).length,
    ).toBeGreaterThan(0)
  })
})

it('covers every action the dashboard offers', () => {
  expect(snippetActions).toEqual(['download', 'release', 'evaluate', 'train'])
})
