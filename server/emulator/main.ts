import { serve } from '@hono/node-server'
import { parseArgs } from 'node:util'

import { accountNames, accounts, generatedAccount, isAccountName } from './accounts'
import { createEmulatorApp, defaultEpochMs, demoKey, isEnvelope } from './emulator-app'

const usage = `Usage: npm run emulator -- [options]
  --port N              port on 127.0.0.1 (default 8787)
  --key K               accept this API key too (repeatable)
  --envelope E          bare (default, as the official client reads the service) or wrapped (as documented)
  --account A           demo (default) or fixtures (the demo and the models only tests need)
  --models N --seed S   a generated account of N models instead (no datasets or evaluations)
  --faults              tests only: accept faults at /__emulator/faults, log requests,
                        move tasks a step at POST /__emulator/step
  --keep-deleted        deleted models stay listed, with status deleted
  --simulate            the seeds' own tasks move too: models start, gain epochs, finish (or fail)
  --epoch-ms N          one step of every task (an epoch of a training) every N ms (default ${defaultEpochMs})`

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    key: { type: 'string', multiple: true, default: [] },
    envelope: { type: 'string', default: 'bare' },
    account: { type: 'string', default: 'demo' },
    models: { type: 'string' },
    seed: { type: 'string', default: '1' },
    faults: { type: 'boolean', default: false },
    'keep-deleted': { type: 'boolean', default: false },
    simulate: { type: 'boolean', default: false },
    'epoch-ms': { type: 'string', default: String(defaultEpochMs) },
    help: { type: 'boolean', default: false },
  },
})

if (values.help) {
  console.log(usage)
  process.exit(0)
}

const port = Number(values.port)
const { envelope, account: accountName } = values
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number`)
if (!isEnvelope(envelope)) fail('--envelope must be bare or wrapped')
if (!isAccountName(accountName)) fail(`--account must be one of ${accountNames.join(', ')}`)
const count = values.models === undefined ? undefined : Number(values.models)
if (count !== undefined && !(Number.isInteger(count) && count >= 0))
  fail('--models must be a count')

const epochMs = Number(values['epoch-ms'])
if (!Number.isInteger(epochMs) || epochMs < 10)
  fail('--epoch-ms must be a whole number of ms, 10 or more')

const account =
  count === undefined ? accounts[accountName] : generatedAccount(count, Number(values.seed))
const app = createEmulatorApp({
  account,
  keys: [demoKey, ...values.key],
  envelope,
  faults: values.faults,
  keepDeleted: values['keep-deleted'],
  simulate: values.simulate,
  epochMs,
})

serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info) => {
  const what = count === undefined ? `${accountName} account` : 'generated account'
  console.log(
    `Marqtune emulator on http://127.0.0.1:${info.port} (${what}: ${account.models.length} models, ${account.datasets.length} datasets, ${account.evaluations.length} evaluations; ${envelope} bodies)`,
  )
  console.log(`Demo API key: ${demoKey}`)
  if (values.faults) console.log('Fault injection is on: for tests only.')
  console.log(
    `Trainings and evaluations take a step every ${epochMs} ms${values.simulate ? ', the seeded ones too' : ''}.`,
  )
})

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`)
  process.exit(2)
}
