import { readFile } from 'node:fs/promises'

import { accountModels, connect, expect, test } from './fixtures'

test('the filtered view exports as CSV and JSON, in the order shown', async ({ page }) => {
  await connect(page)
  await page.getByRole('button', { name: 'Ready', exact: true }).click()
  await page.getByRole('searchbox', { name: 'Search models' }).fill('vit-b-16')
  await page.getByRole('button', { name: 'Name', exact: true }).click()
  const expected = accountModels
    .filter((model) => ['ready', 'finished'].includes(model.status.toLowerCase()))
    .filter((model) => model.baseModel.toLowerCase().includes('vit-b-16'))
    .map((model) => model.modelName)
    .toSorted((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  await expect(page.getByRole('status')).toHaveText(
    `${expected.length} of ${accountModels.length} models`,
  )

  await page.getByRole('button', { name: 'More' }).click()
  const csvDownload = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: 'CSV, visible columns' }).click()
  const csv = await csvDownload
  expect(csv.suggestedFilename()).toMatch(/^marqtune-models-\d{4}-\d{2}-\d{2}\.csv$/)
  const lines = (await readFile(await csv.path(), 'utf8')).trimEnd().split('\r\n')
  expect(lines[0]).toBe('Name,Status,ID,Base model,Instance type,Checkpoints')
  expect(lines).toHaveLength(expected.length + 1)
  // The name with markup and quotes comes out quoted, quotes doubled.
  expect(lines.slice(1).map((line) => line.split(',')[0])).toContain(
    `"<b>bold</b> & ""quoted"" 'model'"`,
  )

  await page.getByRole('button', { name: 'More' }).click()
  const jsonDownload = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: 'JSON, every field' }).click()
  const json: unknown = JSON.parse(await readFile(await (await jsonDownload).path(), 'utf8'))
  expect(json).toEqual(expected.map((modelName) => expect.objectContaining({ modelName })))
})

test('a formula-looking name is defused in the CSV of the failed models', async ({ page }) => {
  await connect(page)
  await page.getByRole('button', { name: 'Failed', exact: true }).click()
  const failed = accountModels.filter((model) => model.status.toLowerCase() === 'failed')
  await expect(page.getByRole('status')).toHaveText(
    `${failed.length} of ${accountModels.length} models`,
  )

  await page.getByRole('button', { name: 'More' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: 'CSV, visible columns' }).click()
  const lines = (await readFile(await (await download).path(), 'utf8')).trimEnd().split('\r\n')
  expect(lines).toHaveLength(failed.length + 1)
  // A leading apostrophe: the spreadsheet shows the text instead of running it.
  expect(
    lines.filter((line) =>
      line.startsWith(`"'=HYPERLINK(""https://evil.example/"",""open me"")",`),
    ),
  ).toHaveLength(1)
  expect(lines.filter((line) => line.startsWith('"=') || line.startsWith('='))).toEqual([])
})
