import { useEffect } from 'react'

const appName = 'Marqtune Models'

/**
 * The tab's title names the view that is open: "gs-apparel-v4 · Marqtune Models". Set in a task
 * of its own: after a click, React runs effects before the paint, and setting the title (a call
 * into the browser) would delay the rows by a millisecond or more.
 */
export function useDocumentTitle(view: string): void {
  useEffect(() => {
    const timer = setTimeout(() => {
      document.title = view ? `${view} · ${appName}` : appName
    })
    return () => clearTimeout(timer)
  }, [view])
}
