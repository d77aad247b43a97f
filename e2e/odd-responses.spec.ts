import { documentedExample } from '../server/emulator/models/documented-example'
import {
  accountModels,
  connect,
  demoKey,
  expectNoAxeViolations,
  modelsGrid,
  openTab,
} from './fixtures'
import { expect, test } from './faulty-servers'

test('the documented example is a model, with its odd fields listed', async ({ page, faulty }) => {
  await faulty.queue('listModels', { kind: 'models', models: [documentedExample] })
  await connect(page, demoKey, faulty.app)

  const row = page.getByRole('rowheader', { name: /nameInSystem/ })
  await expect(row).toBeVisible()
  await expect(row).toHaveAccessibleName('Read with warnings: nameInSystem')
  await expect(page.getByText('This account has no models yet')).toBeHidden()
  await expect(page.getByRole('status')).toHaveText('1 model')

  await row.click()
  const warnings = page.getByRole('region', { name: 'Read with warnings' })
  await expect(warnings.getByRole('rowheader')).toHaveText(['maxTrainingTime', 'hyperparameters'])
  await expect(warnings.getByRole('row', { name: /maxTrainingTime/ })).toContainText(
    'a number of seconds',
  )
  // The server forwards only UUIDs: the panel asks nothing it would refuse, and says why.
  await expectNoAxeViolations(page)
  await openTab(page, 'Logs')
  await expect(page.getByRole('tabpanel')).toContainText('is not a UUID')
  await openTab(page, 'Checkpoints')
  await expect(page.getByRole('tabpanel')).toContainText('Download links cannot be asked for')
  const requests = await faulty.requests()
  expect(requests.filter((request) => request.path.includes('idInSystem'))).toEqual([])
})

test('entries that are not models are counted and can be read', async ({ page, faulty }) => {
  const model = accountModels[0]!
  await faulty.queue('listModels', {
    kind: 'models',
    models: [model, 'just a string', { modelName: 'no id', status: 'ready' }, model],
  })
  await connect(page, demoKey, faulty.app)
  const notice = page.getByRole('alert').filter({ hasText: 'Some entries could not be shown' })
  await expect(notice).toContainText('2 entries of the response could not be read as a model.')
  await expect(notice).toContainText('1 entry repeated the id of an earlier model')
  await expect(page.getByRole('rowheader', { name: model.modelName })).toBeVisible()

  await notice.getByRole('button', { name: 'Show the 3' }).click()
  const entries = page.getByRole('region', { name: 'Entries not shown as models' })
  await expect(entries).toContainText('Entry 2 of the response: it is not an object')
  await expect(entries).toContainText('"just a string"')
  await expect(entries).toContainText('Entry 3 of the response: it has no modelId')
  await expect(entries).toContainText('"modelName": "no id"')
  await expect(entries).toContainText('Entry 4 of the response: it repeats the modelId')
  await expectNoAxeViolations(page)
})

test('an answer of nothing but unreadable entries never says the account is empty', async ({
  page,
  faulty,
}) => {
  await faulty.queue('listModels', { kind: 'models', models: [42, { name: 'no id' }] })
  await connect(page, demoKey, faulty.app)
  await expect(
    page.getByText('None of the 2 entries of the response could be read as a model'),
  ).toBeVisible()
  await expect(page.getByText('This account has no models yet')).toBeHidden()
  await page.getByRole('button', { name: 'Show the 2' }).click()
  await expect(page.getByText('Entry 1 of the response: it is not an object')).toBeVisible()
})

test('a click anywhere on a row opens its model, but not on its checkbox', async ({
  page,
  faulty,
}) => {
  await connect(page, demoKey, faulty.app)
  const model = accountModels[1]!
  const row = modelsGrid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: model.modelName }) })
  await row.getByRole('checkbox', { name: `Select ${model.modelName}` }).check()
  await expect(page.getByRole('complementary')).toBeHidden()

  await row.getByRole('gridcell', { name: model.baseModel }).click()
  await expect(page.getByRole('heading', { level: 2, name: model.modelName })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`model=${model.modelId}`))
})
