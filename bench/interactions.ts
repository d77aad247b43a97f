/** What the benchmark does in each page, the same in ours and AG Grid's: load, type, filter, sort, scroll. */
import type { Browser, Page } from '@playwright/test'

import { demoKey } from '../server/emulator/emulator-app'

export type App = 'ours' | 'agGrid'

export const query = 'furniture-dedupe-v99' // 20 keystrokes, narrowing as a person types

/** Installed in every page: timing of "act, then the next frame once `done` holds". */
export function installProbes() {
  const longTasks: Array<{ start: number; duration: number }> = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  const afterPaint = () =>
    new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  Object.assign(window, {
    probe: {
      longTasks,
      // The clock stops after the paint of the first frame whose rendering starts with `done`
      // holding. Work finished in a microtask after `act` (React commits there) or in a frame's
      // animation callbacks is painted in that same frame, so `done` is checked at both points:
      // checking only before the microtasks, then waiting for one more frame, counted a frame
      // the user never waited for.
      async measure(act: () => void, done: () => boolean, timeoutMs = 20_000) {
        const started = performance.now()
        act()
        await Promise.resolve()
        if (done()) {
          await afterPaint()
          return performance.now() - started
        }
        while (!done()) {
          if (performance.now() - started > timeoutMs)
            throw new Error('timed out waiting for the rows')
          await new Promise((resolve) => requestAnimationFrame(resolve))
        }
        // Still inside the frame's animation callbacks: a timer runs once it is painted.
        await new Promise((resolve) => setTimeout(resolve, 0))
        return performance.now() - started
      },
      type(input: HTMLInputElement, value: string) {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(
          input,
          value,
        )
        input.dispatchEvent(new Event('input', { bubbles: true }))
      },
      async scroll(element: HTMLElement, frames = 120) {
        const before = longTasks.length
        const step = (element.scrollHeight - element.clientHeight) / frames
        const intervals: number[] = []
        let last = performance.now()
        for (let frame = 1; frame <= frames; frame++) {
          element.scrollTop = step * frame
          await new Promise((resolve) => requestAnimationFrame(resolve))
          const now = performance.now()
          intervals.push(now - last)
          last = now
        }
        await afterPaint()
        return {
          dropped: intervals.filter((interval) => interval > (1000 / 60) * 1.5).length,
          longTasks: longTasks.length - before,
        }
      },
    },
  })
}

declare global {
  interface Window {
    probe: {
      longTasks: Array<{ start: number; duration: number }>
      measure: (act: () => void, done: () => boolean) => Promise<number>
      type: (input: HTMLInputElement, value: string) => void
      scroll: (
        element: HTMLElement,
        frames?: number,
      ) => Promise<{ dropped: number; longTasks: number }>
    }
  }
}

export async function loadMetrics(page: Page) {
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN
    return {
      parse: at('models:parsed') - at('models:received'),
      validate: at('models:validated') - at('models:parsed'),
      firstPaint: at('models:painted') - at('models:validated'),
      // AG Grid has no such work: it has no mark, and no figure.
      warmUp: at('models:warm') - at('models:painted'),
    }
  })
}

export async function heapMb(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize / 1e6
}

/** AG Grid's page shows these columns: ours is opened with the same ones, for a like-for-like run. */
export const agGridColumns =
  'cols=modelName,status,modelId,baseModel,instanceType,maxTrainingTime,checkpoints'

/** Opens the app, connects, and waits until the first rows are painted. */
export async function open(browser: Browser, app: App, url: string, size: number) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  // tsx keeps function names with an `__name` helper that page functions then call.
  await page.addInitScript('globalThis.__name = (target) => target')
  await page.addInitScript(installProbes)
  await page.goto(app === 'ours' ? `${url}?${agGridColumns}` : url)
  if (app === 'ours') {
    // A person pastes the key once the page is up: by then the models view's code, fetched while
    // the key screen is idle, is in (a first visit's wait for it is in the cold-start rows).
    await page.waitForLoadState('networkidle')
    await page.getByLabel('API key').fill(demoKey)
    await page.getByRole('button', { name: 'Connect' }).click()
    await page.locator(`section[data-rows="${size}"]`).waitFor({ timeout: 120_000 })
  } else {
    await page.evaluate((key) => window.agBench.start(key), demoKey)
  }
  await page.waitForFunction(
    () => performance.getEntriesByName('models:painted').length > 0,
    null,
    {
      timeout: 120_000,
    },
  )
  return page
}

export async function typeQuery(page: Page, app: App) {
  const durations: number[] = []
  const longTasksBefore = await page.evaluate(() => window.probe.longTasks.length)
  for (let length = 1; length <= query.length; length++) {
    const value = query.slice(0, length)
    durations.push(
      await page.evaluate(
        ([app, value]) => {
          const input = document.querySelector<HTMLInputElement>(
            app === 'ours' ? '#model-search' : '#quick',
          )!
          const first = () =>
            document.querySelector('[row-index="0"] [col-id="modelName"]')?.textContent
          return window.probe.measure(
            () => window.probe.type(input, value),
            app === 'ours'
              ? () =>
                  document.querySelector('section[data-search]')?.getAttribute('data-search') ===
                  value
              : () => {
                  const api = window.agBench.api()!
                  const expected = api.getDisplayedRowAtIndex(0)?.data?.modelName
                  return (
                    api.getGridOption('quickFilterText') === value &&
                    (expected === undefined || first() === expected)
                  )
                },
          )
        },
        [app, value] as const,
      ),
    )
  }
  const longTasks = (await page.evaluate(() => window.probe.longTasks.length)) - longTasksBefore
  await page.evaluate((app) => {
    const input = document.querySelector<HTMLInputElement>(
      app === 'ours' ? '#model-search' : '#quick',
    )!
    window.probe.type(input, '')
  }, app)
  await page.waitForTimeout(300)
  return { durations, longTasks }
}

export async function chooseFailed(page: Page, app: App): Promise<number> {
  const duration = await page.evaluate(async (app) => {
    if (app === 'ours') {
      const chip = [...document.querySelectorAll('button')].find(
        (button) => button.dataset.quickFilter === 'Failed',
      )!
      return window.probe.measure(
        () => chip.click(),
        () =>
          document.querySelector('section[data-facets]')?.getAttribute('data-facets') ===
          'phase=failed',
      )
    }
    const select = document.querySelector<HTMLSelectElement>('#status')!
    return window.probe.measure(
      () => {
        select.value = 'failed'
        select.dispatchEvent(new Event('change'))
      },
      () => {
        const api = window.agBench.api()!
        const expected = api.getDisplayedRowAtIndex(0)?.data?.modelName
        const shown = document.querySelector('[row-index="0"] [col-id="modelName"]')
        return (
          api.getDisplayedRowAtIndex(0)?.data?.status === 'failed' &&
          shown?.textContent === expected
        )
      },
    )
  }, app)
  // Back to every model.
  await page.evaluate((app) => {
    if (app === 'ours') {
      ;[...document.querySelectorAll('button')]
        .find((button) => button.dataset.quickFilter === 'Failed')!
        .click()
    } else {
      const select = document.querySelector<HTMLSelectElement>('#status')!
      select.value = ''
      select.dispatchEvent(new Event('change'))
    }
  }, app)
  await page.waitForTimeout(300)
  return duration
}

/** Sorts ascending by one column from the unsorted table, then removes the sort again. */
export async function sortBy(page: Page, app: App, id: string): Promise<number> {
  const duration = await page.evaluate(
    ([app, id]) => {
      if (app === 'ours') {
        const button = document.querySelector<HTMLButtonElement>(
          `[role="columnheader"][data-column="${id}"] button`,
        )!
        return window.probe.measure(
          () => button.click(),
          () => document.querySelector('section[data-sort]')?.getAttribute('data-sort') === id,
        )
      }
      const header = document.querySelector<HTMLElement>(
        `.ag-header-cell[col-id="${id}"] .ag-header-cell-label`,
      )!
      return window.probe.measure(
        () => header.click(),
        () => {
          const api = window.agBench.api()!
          const sorted = api.getColumnState().find((state) => state.colId === id)?.sort === 'asc'
          const expected = api.getDisplayedRowAtIndex(0)?.data?.modelName
          const shown = document.querySelector('[row-index="0"] [col-id="modelName"]')
          return sorted && shown?.textContent === expected
        },
      )
    },
    [app, id] as const,
  )
  await page.evaluate(
    ([app, id]) => {
      if (app === 'ours') {
        // Ascending -> descending -> no sort.
        const button = document.querySelector<HTMLButtonElement>(
          `[role="columnheader"][data-column="${id}"] button`,
        )!
        button.click()
        button.click()
      } else {
        window.agBench.api()!.applyColumnState({ defaultState: { sort: null } })
      }
    },
    [app, id] as const,
  )
  await page.waitForTimeout(300)
  return duration
}

export async function scrollToEnd(page: Page, app: App) {
  return page.evaluate((app) => {
    const element =
      app === 'ours'
        ? document.querySelector<HTMLElement>('[role="grid"][aria-label="Models"]')!
        : // AG Grid's vertical scroller: the element that scrolls (its class changes between majors).
          [...document.querySelectorAll<HTMLElement>('#grid *')].find(
            (element) =>
              element.scrollHeight > element.clientHeight + 10 &&
              ['auto', 'scroll'].includes(getComputedStyle(element).overflowY),
          )!
    return window.probe.scroll(element)
  }, app)
}
