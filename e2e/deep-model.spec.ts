import { readFile } from 'node:fs/promises'

import { accountModels, connect, demoKey, openTab } from './fixtures'
import { expect, test } from './faulty-servers'

// An id the emulator knows, so that the panel's logs and links are answered as usual.
const deepId = accountModels[0]!.modelId
const levels = 20_000

/** The list with one model whose hyperparameters nest 20,000 levels: more than JSON.stringify takes. */
function listWithADeepModel(): string {
  const deep = `${'{"inner":'.repeat(levels)}"bottom"${'}'.repeat(levels)}`
  const model = JSON.stringify({
    ...accountModels[0]!,
    modelName: 'deep-model',
    hyperparameters: { epochs: 3, deep: '__DEEP__' },
  }).replace('"__DEEP__"', deep)
  return `{"models":[${model},${JSON.stringify(accountModels[1])}]}`
}

test('a model nested 20,000 levels deep opens, survives a reload and exports', async ({
  page,
  faulty,
}) => {
  const body = listWithADeepModel()
  // The first load, and the one after the reload.
  await faulty.queue('listModels', { kind: 'text', body }, { kind: 'text', body })
  await connect(page, demoKey, `${faulty.app}/?model=${deepId}`)

  const panel = page.getByRole('complementary')
  await expect(panel.getByRole('heading', { level: 2, name: 'deep-model' })).toBeVisible()
  await openTab(page, 'Hyperparameters')
  const hyperparameters = panel.getByRole('tabpanel')
  await expect(hyperparameters).toContainText('nested deeper than 8 levels: see the raw JSON')
  await expect(hyperparameters.getByRole('rowheader', { name: 'epochs' })).toBeVisible()
  await openTab(page, 'Checkpoints')
  await expect(panel.getByRole('tabpanel')).toContainText('epoch_1')

  await page.reload()
  await expect(page.getByRole('heading', { level: 2, name: 'deep-model' })).toBeVisible()

  await page.getByRole('button', { name: 'More' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: 'JSON, every field' }).click()
  const text = await readFile(await (await download).path(), 'utf8')
  const exported: unknown = JSON.parse(text)
  expect(exported).toEqual([
    expect.objectContaining({ modelName: 'deep-model' }),
    expect.objectContaining({ modelName: accountModels[1]!.modelName }),
  ])
  expect(text).toContain('[nested more than 1000 levels deep: left out]')
})
