import { serve } from '@hono/node-server'
import { parseArgs } from 'node:util'

import { createEmulatorApp, demoKey, isEnvelope } from './emulator-app'
import { generateModels } from './generate-models'
import { seedModels } from './seed-models'

const usage = `Usage: npm run emulator -- [options]
  --port N              port on 127.0.0.1 (default 8787)
  --key K               accept this API key too (repeatable)
  --envelope E          wrapped (default, as documented) or bare
  --models N --seed S   a generated account of N models instead of the demo account
  --faults              tests only: accept faults at /__emulator/faults, log requests
  --keep-deleted        deleted models stay listed, with status deleted
  --simulate            training happens: models start, gain epochs, finish (or fail)
  --epoch-ms N          with --simulate: one epoch every N ms (default 20000)`

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    key: { type: 'string', multiple: true, default: [] },
    envelope: { type: 'string', default: 'wrapped' },
    models: { type: 'string' },
    seed: { type: 'string', default: '1' },
    faults: { type: 'boolean', default: false },
    'keep-deleted': { type: 'boolean', default: false },
    simulate: { type: 'boolean', default: false },
    'epoch-ms': { type: 'string', default: '20000' },
    help: { type: 'boolean', default: false },
  },
})

if (values.help) {
  console.log(usage)
  process.exit(0)
}

const port = Number(values.port)
const { envelope } = values
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number`)
if (!isEnvelope(envelope)) fail('--envelope must be wrapped or bare')
const count = values.models === undefined ? undefined : Number(values.models)
if (count !== undefined && !(Number.isInteger(count) && count >= 0))
  fail('--models must be a count')

const epochMs = Number(values['epoch-ms'])
if (!Number.isInteger(epochMs) || epochMs < 10)
  fail('--epoch-ms must be a whole number of ms, 10 or more')

const models = count === undefined ? seedModels : generateModels(count, Number(values.seed))
const app = createEmulatorApp({
  models,
  keys: [demoKey, ...values.key],
  envelope,
  faults: values.faults,
  keepDeleted: values['keep-deleted'],
  ...(values.simulate ? { simulate: { epochMs } } : {}),
})

serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info) => {
  console.log(
    `Marqtune emulator on http://127.0.0.1:${info.port} (${models.length} models, ${envelope} envelope)`,
  )
  console.log(`Demo API key: ${demoKey}`)
  if (values.faults) console.log('Fault injection is on: for tests only.')
  if (values.simulate) console.log(`Training is simulated: an epoch every ${epochMs} ms.`)
})

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`)
  process.exit(2)
}
