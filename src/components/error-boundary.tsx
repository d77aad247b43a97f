import { Component, type ReactNode } from 'react'

import { Button } from './button'

type Props = {
  /** What could not be shown, in words: "The Hyperparameters section". */
  what: string
  children: ReactNode
  /**
   * A value that changes when whatever failed may work again (the list refreshed after a
   * failure): a part in error tries again by itself then. A part that works is left alone.
   */
  resetKey?: unknown
}

/**
 * The code of a part loaded on demand could not be fetched: the dashboard was released again
 * since this page was opened (the old files are gone), or the connection dropped. The browsers
 * say so in these words (Chromium, Firefox, Safari; Vite's preload of a chunk's style sheet).
 */
export function isCodeLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Unable to preload/i.test(
      error.message,
    )
  )
}

const alertClass =
  'flex flex-wrap items-center gap-2 rounded-md border border-danger-text/30 bg-danger-soft p-2 text-sm text-danger-text'

/** Says that `what` could not be loaded, and offers the reload that fetches it anew. */
export function CodeLoadFailed({ what }: { what: string }) {
  return (
    <div role="alert" className={alertClass}>
      {what} could not be loaded: the dashboard may have been updated since this page was opened, or
      the connection dropped. Reloading the page keeps your key and your view.{' '}
      <Button size="sm" onClick={() => window.location.reload()}>
        Reload
      </Button>
    </div>
  )
}

/**
 * Keeps the rest of the page when one part of it fails to render: says which part, and why,
 * and offers to try again (after a refresh of the data, it may well render). Code that could
 * not be fetched is offered a reload instead: React keeps a failed import failed, and the key
 * (this tab's) and the view (the URL) survive a reload.
 */
type State = { error: Error | undefined; resetKey: unknown }

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Pick<State, 'error'> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: Props, state: State): State | null {
    return Object.is(props.resetKey, state.resetKey)
      ? null
      : { error: undefined, resetKey: props.resetKey }
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    if (isCodeLoadError(error)) return <CodeLoadFailed what={this.props.what} />
    return (
      <div role="alert" className={alertClass}>
        {this.props.what} could not be shown: {error.message}{' '}
        <Button size="sm" onClick={() => this.setState({ error: undefined })}>
          Try again
        </Button>
      </div>
    )
  }
}
