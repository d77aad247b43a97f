import { useEffect } from 'react'

const appName = 'Marqtune Models'

/** The tab's title names the view that is open: "gs-apparel-v4 · Marqtune Models". */
export function useDocumentTitle(view: string): void {
  useEffect(() => {
    document.title = view ? `${view} · ${appName}` : appName
  }, [view])
}
