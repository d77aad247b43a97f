import { connect as connectSocket } from 'node:net'

import { spawnServer } from '../scripts/spawn-server'
import {
  connect,
  demoKey,
  expectNoAxeViolations,
  modelsGrid,
  notices,
  openModel,
  openTab,
  seedModel,
} from './fixtures'
import { canaryKey, expect, test, type FaultyServers } from './faulty-servers'
import type { Page } from '@playwright/test'

test.use({ viewport: { width: 1500, height: 1000 } })

const apparelV3 = seedModel('gs-apparel-v3')
const apparelV4 = seedModel('gs-apparel-v4')
const candidate = seedModel('gs-apparel-v5-candidate')
const releaseRoute = 'releaseCheckpoint'

async function actionsSeen(faulty: FaultyServers) {
  return (await faulty.requests())
    .filter((request) => request.method === 'POST' || request.method === 'DELETE')
    .map((request) => `${request.method} ${request.path}`)
}

async function openPanel(page: Page, name: string, tab?: 'Checkpoints') {
  await openModel(page, name)
  const panel = page.getByRole('complementary', { name })
  await expect(panel).toBeVisible()
  if (tab) await openTab(page, tab)
  return panel
}

/** A checkpoint's release, from its actions menu. */
async function chooseRelease(page: Page, checkpoint: string) {
  await page.getByRole('button', { name: `Actions for ${checkpoint}`, exact: true }).click()
  await page.getByRole('menuitem', { name: `Release ${checkpoint}…` }).click()
}

const row = (page: Page, name: string) =>
  modelsGrid(page).getByRole('rowheader', { name, exact: true })

test.describe('releasing a checkpoint', () => {
  test('asks first, sends exactly one POST on confirm, and marks the checkpoint', async ({
    page,
    faulty,
  }) => {
    await connect(page, demoKey, faulty.app)
    const panel = await openPanel(page, apparelV3.modelName, 'Checkpoints')
    await chooseRelease(page, 'epoch_2')
    const dialog = page.getByRole('alertdialog', { name: 'Release epoch_2?' })
    await expect(dialog).toContainText('usable when creating new Marqo Cloud indexes')
    await expect(dialog).toContainText(apparelV3.modelName)
    await expect(dialog).toContainText(`${apparelV3.modelId}/epoch_2`)
    await expectNoAxeViolations(page)
    expect(await actionsSeen(faulty)).toEqual([])

    await dialog.getByRole('button', { name: 'Release epoch_2' }).click()
    await expect(dialog).toBeHidden()
    await expect(notices(page)).toContainText(
      `Released epoch_2. Use ${apparelV3.modelId}/epoch_2 when creating a Marqo Cloud index.`,
    )
    await expect(panel.getByText('released here', { exact: true })).toHaveCount(1)
    expect(await actionsSeen(faulty)).toEqual([
      `POST /models/${apparelV3.modelId}/released-checkpoints/epoch_2`,
    ])
    // What this tab did, while it holds the key: still marked when the panel opens again.
    await panel.getByRole('button', { name: /^Close/ }).click()
    await openPanel(page, apparelV3.modelName, 'Checkpoints')
    await expect(page.getByText('released here', { exact: true })).toHaveCount(1)
  })

  test('Cancel sends nothing', async ({ page, faulty }) => {
    await connect(page, demoKey, faulty.app)
    const panel = await openPanel(page, apparelV3.modelName, 'Checkpoints')
    await chooseRelease(page, 'epoch_1')
    const dialog = page.getByRole('alertdialog', { name: 'Release epoch_1?' })
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    await expect(panel.getByRole('button', { name: 'Actions for epoch_1' })).toBeFocused()
    await chooseRelease(page, 'epoch_1')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    expect(await actionsSeen(faulty)).toEqual([])
    await expect(panel.getByText('released here', { exact: true })).toHaveCount(0)
  })

  test.use({ allowedConsoleErrors: [/the server responded with a status of 400/] })

  test('a refusal is shown in the service’s words, and nothing else changes', async ({
    page,
    faulty,
  }) => {
    const message = `Invalid checkpoint name: epoch_3 for model: name=${apparelV3.modelName}, id=${apparelV3.modelId}`
    await faulty.queue(releaseRoute, { kind: 'status', status: 400, message })
    await connect(page, demoKey, faulty.app)
    const panel = await openPanel(page, apparelV3.modelName, 'Checkpoints')
    await chooseRelease(page, 'epoch_3')
    const dialog = page.getByRole('alertdialog', { name: 'Release epoch_3?' })
    await dialog.getByRole('button', { name: 'Release epoch_3' }).click()
    await expect(dialog.getByRole('alert')).toHaveText(`The release was refused: ${message}`)
    await expectNoAxeViolations(page)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(panel.getByText('released here', { exact: true })).toHaveCount(0)
  })
})

test.describe('deleting', () => {
  // The browser logs every answer of 400 or more, including the ones these journeys ask for.
  test.use({ allowedConsoleErrors: [/the server responded with a status of (400|500)/] })

  test('one model, confirmed by its name: one DELETE, the row goes, the view stays', async ({
    page,
    faulty,
  }) => {
    await connect(page, demoKey, `${faulty.app}/?q=gs-apparel`)
    const screen = page.getByRole('region', { name: 'Models' })
    await page.getByRole('button', { name: 'Name', exact: true }).click()
    const sort = await screen.getAttribute('data-sort')
    expect(sort).not.toBe('')
    await expect(screen).toHaveAttribute('data-rows', '3')

    const panel = await openPanel(page, apparelV4.modelName)
    await panel.getByRole('button', { name: 'Delete model…' }).click()
    const dialog = page.getByRole('alertdialog', { name: `Delete ${apparelV4.modelName}?` })
    await expect(dialog).toContainText('cannot be undone')
    await expect(dialog).toContainText('stops a training task that is still running')
    const confirm = dialog.getByRole('button', { name: 'Delete model' })
    await expect(confirm).toBeDisabled()
    await dialog.getByLabel('Type the model name to confirm').fill('gs-apparel')
    await expect(confirm).toBeDisabled()
    await expectNoAxeViolations(page)
    await dialog.getByLabel('Type the model name to confirm').fill(apparelV4.modelName)
    expect(await actionsSeen(faulty)).toEqual([])
    await confirm.click()

    await expect(dialog).toBeHidden()
    await expect(panel).toBeHidden()
    // Its notice comes over the page: the grid, as it is once the panel closes, does not move.
    const grid = await modelsGrid(page).boundingBox()
    await expect(notices(page)).toContainText(`Deleted ${apparelV4.modelName}.`)
    expect(await modelsGrid(page).boundingBox()).toEqual(grid)
    await expect(row(page, apparelV4.modelName)).toBeHidden()
    await expect(screen).toHaveAttribute('data-rows', '2')
    await expect(row(page, apparelV3.modelName)).toBeVisible()
    await expect(page.getByRole('searchbox')).toHaveValue('gs-apparel')
    await expect(screen).toHaveAttribute('data-sort', sort!)
    expect(await actionsSeen(faulty)).toEqual([`DELETE /models/${apparelV4.modelId}`])
  })

  test('a model already deleted elsewhere counts as done', async ({ page, faulty }) => {
    await connect(page, demoKey, faulty.app)
    const panel = await openPanel(page, apparelV4.modelName)
    // Someone else deletes it meanwhile: the service now says `model is already deleted`.
    const elsewhere = await fetch(`${faulty.emulator}/models/${apparelV4.modelId}`, {
      method: 'DELETE',
      headers: { 'x-api-key': demoKey },
    })
    expect(elsewhere.status).toBe(200)
    await panel.getByRole('button', { name: 'Delete model…' }).click()
    const dialog = page.getByRole('alertdialog', { name: `Delete ${apparelV4.modelName}?` })
    await dialog.getByLabel('Type the model name to confirm').fill(apparelV4.modelName)
    await dialog.getByRole('button', { name: 'Delete model' }).click()
    await expect(dialog).toBeHidden()
    await expect(panel).toBeHidden()
    await expect(row(page, apparelV4.modelName)).toBeHidden()
    await expect(page.getByRole('alert')).toHaveCount(0)
  })

  test('three at once where one fails: that one stays selected, and a retry deletes it', async ({
    page,
    faulty,
  }) => {
    const chosen = [apparelV3, apparelV4, candidate]
    await faulty.queue('deleteModel', {
      kind: 'status',
      status: 500,
      message: 'Internal server error.',
    })
    await connect(page, demoKey, `${faulty.app}/?q=gs-apparel`)
    for (const model of chosen) {
      await page.getByRole('checkbox', { name: `Select ${model.modelName}` }).check()
    }
    await expect(page.getByRole('button', { name: 'Compare 3 models' })).toBeEnabled()
    await page.getByRole('button', { name: 'Delete 3 models…' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Delete 3 models?' })
    const list = dialog.getByRole('list', { name: 'The models to delete' })
    for (const model of chosen) {
      await expect(list).toContainText(model.modelName)
      await expect(list).toContainText(model.modelId)
    }
    await expect(list).toContainText('running')
    const confirm = dialog.getByRole('button', { name: 'Delete 3 models' })
    await expect(confirm).toBeDisabled()
    await dialog.getByLabel('Type delete to confirm').fill('delete')
    await expectNoAxeViolations(page)
    await confirm.click()

    await expect(dialog).toContainText('1 model not deleted: still selected')
    const sent = await actionsSeen(faulty)
    expect(sent.toSorted()).toEqual(
      chosen.map((model) => `DELETE /models/${model.modelId}`).toSorted(),
    )
    // The first to arrive met the fault.
    const failedModel = chosen.find((model) => sent[0]!.endsWith(model.modelId))!
    const failedItem = list.getByRole('listitem').filter({ hasText: failedModel.modelId })
    await expect(failedItem).toContainText('failed')
    await expect(failedItem).toContainText('Internal server error.')
    await expect(list.getByText('deleted', { exact: true })).toHaveCount(2)
    await dialog.getByRole('button', { name: 'Close' }).click()

    for (const model of chosen.filter((each) => each !== failedModel)) {
      await expect(row(page, model.modelName)).toBeHidden()
    }
    await expect(
      page.getByRole('checkbox', { name: `Select ${failedModel.modelName}` }),
    ).toBeChecked()
    await page.getByRole('button', { name: 'Delete 1 model…' }).click()
    const retry = page.getByRole('alertdialog', { name: 'Delete 1 model?' })
    await retry.getByLabel('Type delete to confirm').fill('delete')
    await retry.getByRole('button', { name: 'Delete 1 model' }).click()
    await expect(retry).toContainText('Done.')
    await retry.getByRole('button', { name: 'Close' }).click()
    await expect(row(page, failedModel.modelName)).toBeHidden()
    expect(await actionsSeen(faulty)).toHaveLength(4)
  })
})

test('a service that keeps deleted models listed shows them as deleted', async ({ page }) => {
  const emulator = await spawnServer(['server/emulator/main.ts', '--port=0', '--keep-deleted'])
  const app = await spawnServer(['dist-server/main.js'], {
    PORT: '0',
    HOST: '127.0.0.1',
    MARQTUNE_URL: emulator.url,
  })
  try {
    await connect(page, demoKey, `${app.url}/?q=gs-apparel`)
    const panel = await openPanel(page, apparelV4.modelName)
    await panel.getByRole('button', { name: 'Delete model…' }).click()
    const dialog = page.getByRole('alertdialog', { name: `Delete ${apparelV4.modelName}?` })
    await dialog.getByLabel('Type the model name to confirm').fill(apparelV4.modelName)
    await dialog.getByRole('button', { name: 'Delete model' }).click()
    await expect(panel).toBeHidden()
    const listed = modelsGrid(page)
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: apparelV4.modelName, exact: true }) })
    await expect(listed).toContainText('deleted')
    await expect(listed).not.toContainText('Deleting…')
  } finally {
    app.process.kill()
    emulator.process.kill()
  }
})

/** One request on its own socket, as a page of another site (or a script) could send it. */
function rawRequest(base: string, head: string): Promise<string> {
  const { port } = new URL(base)
  return new Promise((resolve, reject) => {
    const socket = connectSocket(Number(port), '127.0.0.1', () => socket.write(head))
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

test('a cross-site POST or DELETE never reaches the emulator, an evaluation included', async ({
  faulty,
}) => {
  const { host } = new URL(faulty.app)
  const release = `/api/models/${apparelV3.modelId}/released-checkpoints/epoch_1`
  const remove = `/api/models/${apparelV3.modelId}`
  for (const [method, path] of [
    ['POST', release],
    ['POST', '/api/evaluation'],
    ['DELETE', remove],
  ]) {
    for (const extra of [
      'Sec-Fetch-Site: cross-site\r\n',
      'Origin: https://evil.example\r\n',
      `Origin: http://evil.example\r\nSec-Fetch-Site: same-site\r\n`,
    ]) {
      const answer = await rawRequest(
        faulty.app,
        `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nx-api-key: ${demoKey}\r\n${extra}Content-Length: 0\r\nConnection: close\r\n\r\n`,
      )
      expect(answer, `${method} with ${extra}`).toMatch(/^HTTP\/1\.1 403 /)
    }
  }
  expect(await actionsSeen(faulty)).toEqual([])
  // The same request from the dashboard's own origin goes through.
  const own = await rawRequest(
    faulty.app,
    `POST ${release} HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${faulty.app}\r\nSec-Fetch-Site: same-origin\r\nx-api-key: ${demoKey}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
  )
  expect(own).toMatch(/^HTTP\/1\.1 200 /)
  expect(await actionsSeen(faulty)).toEqual([
    `POST /models/${apparelV3.modelId}/released-checkpoints/epoch_1`,
  ])
})

test('READ_ONLY=true refuses the state-changing routes at the server and offers no control', async ({
  page,
  faulty,
}) => {
  const readOnly = await spawnServer(['dist-server/main.js'], {
    PORT: '0',
    HOST: '127.0.0.1',
    MARQTUNE_URL: faulty.emulator,
    READ_ONLY: 'true',
  })
  try {
    for (const [method, path] of [
      ['POST', `/api/models/${apparelV3.modelId}/released-checkpoints/epoch_1`],
      ['POST', '/api/evaluation'],
      ['DELETE', `/api/models/${apparelV3.modelId}`],
    ]) {
      const response = await fetch(`${readOnly.url}${path}`, {
        method,
        headers: { 'x-api-key': demoKey },
      })
      expect(response.status).toBe(403)
      expect(await response.text()).toContain('read-only')
    }
    expect(await actionsSeen(faulty)).toEqual([])

    await connect(page, demoKey, readOnly.url)
    await expect(page.getByText('Read-only', { exact: true })).toHaveCount(1)
    await page.getByRole('checkbox', { name: `Select ${apparelV3.modelName}` }).check()
    await expect(page.getByRole('button', { name: 'Compare 1 model' })).toBeVisible()
    await expect(page.getByRole('button', { name: /^Delete\b/ })).toHaveCount(0)
    const panel = await openPanel(page, apparelV3.modelName, 'Checkpoints')
    await expect(panel.getByRole('button', { name: 'Copy epoch_1', exact: true })).toBeVisible()
    await expect(
      panel.getByText('This dashboard is read-only: evaluating and releasing are turned off.'),
    ).toBeVisible()
    await page.getByRole('button', { name: 'Actions for epoch_1', exact: true }).click()
    await expect(page.getByRole('menuitem', { name: 'Release epoch_1…' })).toBeDisabled()
    await expect(page.getByRole('menuitem', { name: 'Evaluate epoch_1…' })).toBeDisabled()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('button', { name: /^(Release|Delete|Evaluate)\b/ })).toHaveCount(0)
  } finally {
    readOnly.process.kill()
  }
})

test.describe('with clipboard access', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('the canary key is in no snippet and no dialog, the evaluate dialog included', async ({
    page,
    faulty,
  }) => {
    await connect(page, canaryKey, faulty.app)
    const panel = await openPanel(page, apparelV3.modelName, 'Checkpoints')
    const copied: string[] = []
    for (const language of ['Python', 'cURL']) {
      for (const action of [
        'Download this checkpoint',
        'Release it',
        'Evaluate it',
        'Train on top of it',
      ]) {
        await panel.getByRole('button', { name: 'Copy epoch_2', exact: true }).click()
        const menu = page.getByRole('menu', { name: 'Copy epoch_2' })
        await menu
          .getByRole('group', { name: `As ${language}` })
          .getByRole('menuitem', { name: action })
          .click()
        await expect(notices(page)).toContainText(`Copied the ${language} code to`)
        copied.push(await page.evaluate(() => navigator.clipboard.readText()))
      }
    }
    await expectNoAxeViolations(page)
    expect(copied).toHaveLength(8)
    expect(copied.join('\n')).toContain(`${apparelV3.modelId}/epoch_2`)
    expect(copied.join('\n')).toContain('MARQO_API_KEY')
    for (const text of copied) expect(text).not.toContain(canaryKey)

    await chooseRelease(page, 'epoch_2')
    const release = page.getByRole('alertdialog', { name: 'Release epoch_2?' })
    await expect(release).toBeVisible()
    expect(await release.innerHTML()).not.toContain(canaryKey)
    await release.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: 'Actions for epoch_2', exact: true }).click()
    await page.getByRole('menuitem', { name: 'Evaluate epoch_2…' }).click()
    const evaluate = page.getByRole('alertdialog', { name: 'Evaluate epoch_2?' })
    await expect(evaluate.getByRole('combobox', { name: 'Evaluation dataset' })).toBeVisible()
    expect(await evaluate.innerHTML()).not.toContain(canaryKey)
    await evaluate.getByRole('button', { name: 'Cancel' }).click()
    await panel.getByRole('button', { name: 'Delete model…' }).click()
    const remove = page.getByRole('alertdialog', { name: `Delete ${apparelV3.modelName}?` })
    expect(await remove.innerHTML()).not.toContain(canaryKey)
    await remove.getByRole('button', { name: 'Cancel' }).click()
    expect(await page.content()).not.toContain(canaryKey)
    expect(faulty.output()).not.toContain(canaryKey)
    expect(await actionsSeen(faulty)).toEqual([])
  })
})
