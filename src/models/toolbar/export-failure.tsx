import { Button } from '@/components/button'
import { isCodeLoadError } from '@/components/error-boundary'
import type { Notice } from '@/components/notices'

/**
 * What an export that failed says in the notice region. Its code loads on first use, so a
 * release since the page was opened (the old file gone) or a dropped connection is told in
 * words, with Reload, which keeps the key and the view; anything else says why.
 */
export function exportFailure(error: unknown): Notice {
  return isCodeLoadError(error)
    ? {
        id: 'export',
        tone: 'danger',
        title: 'The export could not be loaded',
        text: 'The dashboard may have been updated since this page was opened, or the connection dropped. Reloading the page keeps your key and your view.',
        actions: (
          <Button size="sm" onClick={() => window.location.reload()}>
            Reload
          </Button>
        ),
        persistent: true,
      }
    : {
        id: 'export',
        tone: 'danger',
        title: 'The export failed',
        text: error instanceof Error ? error.message : 'It did not say why.',
      }
}
