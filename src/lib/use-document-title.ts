import { useEffect } from 'react'

import { afterPaint } from './after-paint'

const appName = 'Marqtune Models'

/**
 * The tab's title names the view that is open: "gs-apparel-v4 · Marqtune Models". Set after the
 * paint: after a click, React runs effects before the frame, and a timer set then also runs
 * before it; setting the title (a call into the browser) delayed the rows by a millisecond or more.
 */
export function useDocumentTitle(view: string): void {
  useEffect(
    () =>
      afterPaint(() => {
        document.title = view ? `${view} · ${appName}` : appName
      }),
    [view],
  )
}
