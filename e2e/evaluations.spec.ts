import { fixtureAccount } from '../server/emulator/accounts'
import {
  accountModels,
  connect,
  demoKey,
  expectNoAxeViolations,
  notices,
  openModel,
  seedModel,
} from './fixtures'
import { expect, test, type FaultyServers } from './faulty-servers'
import type { Page } from '@playwright/test'

test.use({ viewport: { width: 1500, height: 1000 } })

const apparelV3 = seedModel('gs-apparel-v3')
const datasetName = (datasetId: string | undefined) =>
  fixtureAccount.datasets.find((dataset) => dataset.datasetId === datasetId)!.datasetName

/**
 * What the emulator knows each checkpoint of `modelId` scored by NDCG@10, and its base model, on
 * the dataset its evaluations used: the truth the screen must show, whatever shape it was sent in.
 */
function truthOf(modelId: string) {
  const model = accountModels.find((candidate) => candidate.modelId === modelId)!
  const own = fixtureAccount.evaluations.filter(
    (record) => record.model?.startsWith(`${modelId}/`) && record.metrics,
  )
  const datasetId = own[0]!.datasetId
  const scores = own
    .filter((record) => record.datasetId === datasetId)
    .map((record) => ({
      checkpoint: record.model!.split('/')[1]!,
      ndcg: record.metrics!['NDCG@10'],
    }))
  const best = scores.toSorted((a, b) => b.ndcg - a.ndcg)[0]!
  const base = fixtureAccount.evaluations.find(
    (record) => record.model === model.baseModel && record.datasetId === datasetId,
  )
  return { model, dataset: datasetName(datasetId), best, base: base?.metrics?.['NDCG@10'] }
}

async function openEvaluations(page: Page, name: string) {
  await openModel(page, name)
  const panel = page.getByRole('complementary', { name })
  await panel.getByRole('tab', { name: /^Evaluations/ }).click()
  return panel
}

async function postsSeen(faulty: FaultyServers) {
  return (await faulty.requests())
    .filter((request) => request.method === 'POST')
    .map((request) => `${request.method} ${request.path}`)
}

test('a model’s evaluations say which checkpoint is best, and whether fine-tuning helped', async ({
  page,
}) => {
  const truth = truthOf(apparelV3.modelId)
  await connect(page)
  const panel = await openEvaluations(page, apparelV3.modelName)
  const verdict = panel.getByRole('region', { name: 'Best checkpoint' })
  await expect(verdict).toContainText(
    `Best by NDCG@10 on ${truth.dataset}: ${truth.best.checkpoint} (${truth.best.ndcg.toFixed(4)})`,
  )
  const gain = truth.best.ndcg - truth.base!
  await expect(verdict).toContainText(`+${gain.toFixed(4)} (better) against the base model`)

  // Newest first, the best marked, the base model's numbers under them.
  const table = panel.getByRole('region', { name: 'Metrics by checkpoint' }).getByRole('table')
  await expect(table.getByRole('rowheader')).toHaveText([
    /^epoch_5/,
    /^epoch_4/,
    /^epoch_3/,
    /^epoch_2/,
    /^epoch_1/,
    new RegExp(`Base model\\s*${apparelV3.baseModel}`),
  ])
  await expect(
    table.getByRole('row', { name: new RegExp(`^${truth.best.checkpoint} best`) }),
  ).toBeVisible()
  await expect(
    panel.getByRole('figure', { name: `NDCG@10 by epoch on ${truth.dataset}` }),
  ).toBeVisible()
  await expectNoAxeViolations(page)

  // The same answer where a checkpoint is chosen: its row, and the release dialog.
  await panel.getByRole('tab', { name: /^Checkpoints/ }).click()
  await expect(panel.getByText('best', { exact: true })).toHaveCount(1)
  await panel
    .getByRole('button', { name: `Actions for ${truth.best.checkpoint}`, exact: true })
    .click()
  await page.getByRole('menuitem', { name: `Release ${truth.best.checkpoint}…` }).click()
  const release = page.getByRole('alertdialog', { name: `Release ${truth.best.checkpoint}?` })
  await expect(release).toContainText(`The best checkpoint by NDCG@10 on ${truth.dataset}.`)
  await expect(release).toContainText(truth.best.ndcg.toFixed(4))
  await release.getByRole('button', { name: 'Cancel' }).click()
})

test('metrics are read in every shape the service may send them, each saying where from', async ({
  page,
}) => {
  await connect(page)
  for (const name of ['fashion-clip-ecom-titles', 'vit-l14-product-search', 'gs-apparel-v4']) {
    const truth = truthOf(seedModel(name).modelId)
    const panel = await openEvaluations(page, name)
    await expect(panel.getByRole('region', { name: 'Best checkpoint' })).toContainText(
      `Best by NDCG@10 on ${truth.dataset}: ${truth.best.checkpoint} (${truth.best.ndcg.toFixed(4)})`,
    )
    await expect(panel.getByText('No metrics found in its description or its log.')).toHaveCount(0)
    await panel.getByRole('button', { name: /^Close/ }).click()
  }
  // gs-apparel-v4's epoch_3 has numbers only in its log: the cell says so on hover.
  const panel = await openEvaluations(page, 'gs-apparel-v4')
  const fromLog = panel
    .getByRole('row', { name: /^epoch_3/ })
    .getByRole('cell')
    .first()
  await expect(fromLog).toHaveAttribute('title', /the results line of the evaluation’s log/)
})

test('a checkpoint is evaluated with one POST naming it and the dataset, then followed', async ({
  page,
  faulty,
}) => {
  const model = seedModel('vit-l14-product-search-lr-sweep-3')
  const checkpoint = model.checkpoints.at(-1)!
  await connect(page, demoKey, faulty.app)
  const panel = await openEvaluations(page, model.modelName)
  await panel.getByRole('button', { name: `Evaluate ${checkpoint}…` }).click()
  const dialog = page.getByRole('alertdialog', { name: `Evaluate ${checkpoint}?` })
  const dataset = dialog.getByRole('combobox', { name: 'Evaluation dataset' })
  await expect(dataset).toBeVisible()
  await dialog.getByRole('checkbox', { name: /Also evaluate the base model/ }).uncheck()
  await expectNoAxeViolations(page)
  expect(await postsSeen(faulty)).toEqual([])

  const datasetId = await dataset.inputValue()
  const sent = page.waitForRequest((request) => request.url().endsWith('/api/evaluation'))
  await dialog.getByRole('button', { name: `Evaluate ${checkpoint}` }).click()
  await expect(dialog).toBeHidden()
  expect((await sent).postDataJSON()).toMatchObject({
    model: `${model.modelId}/${checkpoint}`,
    datasetId,
  })
  expect(await postsSeen(faulty)).toEqual(['POST /evaluation'])
  await expect(notices(page)).toContainText('Started an evaluation')
  await expect(panel.getByText('Evaluating; followed until it finishes.')).toBeVisible()
  await expect(panel.getByRole('tab', { name: 'Evaluations, 1' })).toBeVisible()
})

test('a model that failed before its first epoch says its log reports no loss', async ({
  page,
}) => {
  await connect(page)
  const apparel = await openEvaluations(page, apparelV3.modelName)
  await apparel.getByRole('tab', { name: /^Logs/ }).click()
  await expect(apparel.getByRole('figure', { name: 'Loss per epoch' })).toBeVisible()
  await apparel.getByRole('button', { name: /^Close/ }).click()

  const failedEarly = accountModels.find(
    (model) => model.status.toLowerCase() === 'failed' && model.checkpoints.length === 0,
  )!
  await openModel(page, failedEarly.modelName)
  const panel = page.getByRole('complementary', { name: failedEarly.modelName })
  await panel.getByRole('tab', { name: /^Logs/ }).click()
  await expect(panel.getByText(/^No loss reported in the \d+ log lines? shown/)).toBeVisible()
  await expectNoAxeViolations(page)
})
