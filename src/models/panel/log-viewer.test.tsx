import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'

import { loadLineChart } from '@/components/line-chart-lazy'
import { NoticesProvider } from '@/components/notices'
import { demoKey, installEmulatorFetch } from '@/testing/emulator-fetch'
import { fixtureModels } from '@/testing/factories'
import { installFakeCanvas } from '@/testing/fake-canvas'
import { renderApp } from '@/testing/render'

import { ModelLogs } from './model-logs'

const credentials = { sessionId: 'logs', apiKey: demoKey }
// The demo's model with the longest log: more lines than one page of 500.
const longLog = fixtureModels().find((model) => model.modelName === 'vit-l14-product-search')!

// The chart's code loads when a chart is first shown (line-chart-lazy.tsx): its first import
// here takes seconds, so it is in before the first test rather than only after an earlier one.
beforeAll(() => loadLineChart())

// `hidden: true` skips the check that each of the hundreds of lines is visible (styles read up
// every ancestor, about a second a query in jsdom); the region itself is found as people see it.
const logLines = () =>
  within(screen.getByRole('region', { name: 'Log lines' })).getAllByRole('listitem', {
    hidden: true,
  })

/** The long log's viewer, once it shows the newest page: its 500 lines. */
async function renderNewestPage() {
  const { upstreamRequests } = installEmulatorFetch()
  // The log's loss is drawn on a canvas above it.
  installFakeCanvas()
  const rendered = renderApp(
    <NoticesProvider>
      <ModelLogs model={longLog} credentials={credentials} />
    </NoticesProvider>,
  )
  await waitFor(() => expect(logLines()).toHaveLength(500), { timeout: 10_000 })
  return { ...rendered, upstreamRequests, lines: logLines }
}

describe('the log viewer', () => {
  // Nearly 900 lines rendered by jsdom: seconds, not milliseconds.
  it(
    'shows the newest page, then pages back with from/to to the start, never a line twice',
    { timeout: 30_000 },
    async () => {
      const { user, lines, upstreamRequests } = await renderNewestPage()
      const first = lines()[0]!.querySelector('time')!.getAttribute('datetime')!

      await user.click(screen.getByRole('button', { name: 'Load older lines' }))
      await screen.findByText('Start of the log')
      const all = lines().map((line) => line.textContent)
      expect(new Set(all).size).toBe(all.length)
      expect(all.length).toBeGreaterThan(500)
      expect(upstreamRequests).toEqual([
        `/models/${longLog.modelId}/logs`,
        `/models/${longLog.modelId}/logs`,
      ])
      // The older page ends before the first line shown.
      expect(
        Date.parse(lines()[all.length - 500 - 1]!.querySelector('time')!.getAttribute('datetime')!),
      ).toBeLessThan(Date.parse(first))
    },
  )

  it(
    'searches with a count, steps through the matches either way, and wraps or not',
    { timeout: 30_000 },
    async () => {
      const { user, lines } = await renderNewestPage()
      const search = screen.getByRole('searchbox', { name: 'Search the log' })
      // Pasted: each key typed would render the 500 lines again.
      await user.click(search)
      await user.paste('saved checkpoint')
      const count = await screen.findByText(/^1 of \d+ matches$/)
      const total = Number(/of (\d+)/.exec(count.textContent ?? '')?.[1])
      expect(total).toBeGreaterThan(2)
      await user.click(screen.getByRole('button', { name: 'Previous match' }))
      expect(screen.getByText(`${total} of ${total} matches`)).toBeInTheDocument()
      // Enter in the box goes to the next match, Shift+Enter to the previous.
      await user.click(search)
      await user.keyboard('{Enter}')
      expect(screen.getByText(`1 of ${total} matches`)).toBeInTheDocument()
      await user.keyboard('{Shift>}{Enter}{/Shift}')
      expect(screen.getByText(`${total} of ${total} matches`)).toBeInTheDocument()
      expect(document.querySelectorAll('mark[data-current-match]')).toHaveLength(1)

      await user.clear(search)
      await user.paste('no such line anywhere')
      expect(screen.getByText('No matches')).toBeInTheDocument()
      expect(screen.getByRole('button', { name: 'Next match' })).toBeDisabled()

      const wrap = screen.getByRole('checkbox', { name: 'Wrap lines' })
      expect(wrap).toBeChecked()
      expect(lines()[0]).toHaveClass('whitespace-pre-wrap')
      await user.click(wrap)
      expect(lines()[0]).toHaveClass('whitespace-pre')
    },
  )

  it(
    'draws the loss the log reports, within epochs or per epoch, from the lines loaded',
    { timeout: 30_000 },
    async () => {
      const { user } = await renderNewestPage()
      expect(screen.getByText(/Read from 500 lines of the log \(the newest/)).toBeInTheDocument()
      expect(await screen.findByRole('figure', { name: 'Loss within epochs' })).toBeInTheDocument()
      await user.selectOptions(screen.getByRole('combobox', { name: 'Plot' }), 'Per epoch')
      const perEpoch = await screen.findByRole('figure', { name: 'Loss per epoch' })
      // The chart's numbers are the log's: its last epoch's loss is in the table view.
      await user.click(await within(perEpoch).findByRole('button', { name: 'Show as table' }))
      const table = within(perEpoch).getByRole('table')
      const epochs = within(table)
        .getAllByRole('rowheader')
        .map((cell) => Number(cell.textContent))
      expect(epochs.length).toBeGreaterThan(1)
      expect(epochs).toEqual(epochs.toSorted((a, b) => a - b))
    },
  )

  it('copies the lines shown, and says so in the notice region', async () => {
    const { user } = await renderNewestPage()
    await user.click(screen.getByRole('button', { name: 'Copy the 500 lines shown' }))
    expect(await screen.findByRole('region', { name: 'Notices' })).toHaveTextContent(
      'Copied the 500 lines shown.',
    )
    expect(await navigator.clipboard.readText()).toContain('Saved checkpoint epoch_40')
  })
})
