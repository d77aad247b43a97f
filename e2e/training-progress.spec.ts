import { epochCheckpoints } from '../server/emulator/models/wire-model'
import {
  accountModels,
  connect,
  demoKey,
  expectNoAxeViolations,
  modelsGrid,
  seedModel,
} from './fixtures'
import { expect, test } from './faulty-servers'

const candidate = seedModel('gs-apparel-v5-candidate')
const longLog = seedModel('vit-l14-product-search')

test('a model at 3 of 5 epochs shows its progress in the table and the panel', async ({
  page,
  faulty,
}) => {
  // The demo account as it is, but with the candidate one epoch further on.
  await faulty.queue('listModels', {
    kind: 'models',
    models: accountModels.map((model) =>
      model === candidate ? { ...model, checkpoints: epochCheckpoints(3) } : model,
    ),
  })
  await connect(page, demoKey, faulty.app)
  // The table draws the rows in view only: bring the candidate's row up.
  await page.getByRole('searchbox', { name: 'Search models' }).fill(candidate.modelName)
  const name = `Training progress of ${candidate.modelName}`
  const inTable = modelsGrid(page).getByRole('progressbar', { name })
  await expect(inTable).toHaveAttribute('aria-valuenow', '3')
  await expect(inTable).toHaveAttribute('aria-valuemax', '5')
  await expect(inTable).toHaveAttribute('aria-valuetext', 'epoch 3 of 5')

  await page.getByRole('rowheader', { name: candidate.modelName }).click()
  const training = page.getByRole('region', { name: 'Training' })
  // In the panel's header too, beside its status.
  await expect(
    page.getByRole('complementary').locator('header').getByRole('progressbar', { name }),
  ).toHaveAttribute('aria-valuenow', '3')
  const inPanel = training.getByRole('progressbar', { name })
  await expect(inPanel).toHaveAttribute('aria-valuenow', '3')
  await expect(training).toContainText('epoch 3 of 5')
  await expect(training).toContainText('Time limit2 h')
  // Elapsed from the log's first line; the pace from the epochs done so far.
  await expect(training).toContainText(/Elapsed\d+ min( \d+ s)? since the first log line/)
  await expect(training).toContainText(/about .+ left at .+ an epoch \(an estimate\)/)
  await expectNoAxeViolations(page)
})

test('the summary’s Failed segment filters to the failed models', async ({ page }) => {
  await connect(page)
  const failed = accountModels.filter((model) => model.status.toLowerCase() === 'failed')
  const segment = page
    .getByRole('navigation', { name: 'Models by status' })
    .getByRole('button', { name: `Failed: ${failed.length} models` })
  await segment.click()
  await expect(segment).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('region', { name: 'Models', exact: true })).toHaveAttribute(
    'data-rows',
    String(failed.length),
  )
  await expect(modelsGrid(page).getByRole('rowheader')).toHaveCount(failed.length)
  await expectNoAxeViolations(page)
})

test('the whole log: older lines by from/to, search, and the file link from the service', async ({
  page,
  faulty,
}) => {
  // Nearly 900 lines, checked by axe once, at the end: the log viewer's own behaviour (search,
  // wrap, follow, copy) is tested in its component test; this is the service's side of it.
  await connect(page, demoKey, `${faulty.app}/?model=${longLog.modelId}&tab=logs`)
  const logs = page.getByRole('tabpanel', { name: 'Logs' })
  const lines = logs.getByRole('region', { name: 'Log lines' }).getByRole('listitem')
  await expect(lines).toHaveCount(500)
  const firstShown = Date.parse((await lines.first().locator('time').getAttribute('datetime'))!)

  const older = page.waitForRequest((request) => request.url().includes('/logs?'))
  await logs.getByRole('button', { name: 'Load older lines' }).click()
  const asked = new URL((await older).url())
  expect([asked.searchParams.get('from'), asked.searchParams.get('to')]).toEqual([
    '0',
    String(firstShown - 1),
  ])
  await expect(logs.getByText('Start of the log')).toBeVisible()
  const total = 3 + 40 * 22
  await expect(lines).toHaveCount(total)
  await expect(lines.first()).toContainText(`Task ${longLog.modelId} accepted`)
  const forwarded = (await faulty.requests()).filter((r) => r.route === 'modelLogs')
  expect(forwarded.map((r) => r.path)).toEqual([
    `/models/${longLog.modelId}/logs`,
    `/models/${longLog.modelId}/logs?from=0&to=${firstShown - 1}`,
  ])

  await logs.getByRole('searchbox', { name: 'Search the log' }).fill('epoch 3 step 7/20')
  await expect(logs.getByText('1 of 1 match')).toBeVisible()
  await expect(logs.locator('mark')).toHaveText(['Epoch 3 step 7/20'])
  await logs.getByRole('searchbox', { name: 'Search the log' }).fill('saved checkpoint epoch_4')
  await expect(logs.getByText('1 of 2 matches')).toBeVisible()
  await logs.getByRole('button', { name: 'Next match' }).click()
  await expect(logs.getByText('2 of 2 matches')).toBeVisible()
  await expect(logs.locator('mark[data-current-match]')).toBeInViewport()

  await logs.getByRole('button', { name: 'Download full log' }).click()
  const link = logs.getByRole('link', { name: /Open the full log/ })
  const file = `${faulty.emulator}/files/models/${longLog.modelId}/logs/${longLog.modelId}.log`
  await expect(link).toHaveAttribute('href', new RegExp(`^${file}\\?X-Amz-Date=`))
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  expect((await faulty.requests()).map((r) => r.route)).toContain('modelLogFile')
  // The file behind it, fetched as a new tab would: without the key, the whole log.
  const whole = await page.request.get((await link.getAttribute('href'))!)
  expect(whole.status()).toBe(200)
  expect((await whole.text()).trimEnd().split('\n')).toHaveLength(total)
  await expectNoAxeViolations(page)
})
