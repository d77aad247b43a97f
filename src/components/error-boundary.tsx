import { Component, type ReactNode } from 'react'

type Props = {
  /** What could not be shown, in words: "The Hyperparameters section". */
  what: string
  children: ReactNode
}

/**
 * Keeps the rest of the page when one part of it fails to render: says which part, and why,
 * and offers to try again (after a refresh of the data, it may well render).
 */
export class ErrorBoundary extends Component<Props, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined }

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div
        role="alert"
        className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900"
      >
        {this.props.what} could not be shown: {error.message}{' '}
        <button
          type="button"
          onClick={() => this.setState({ error: undefined })}
          className="font-medium underline underline-offset-2"
        >
          Try again
        </button>
      </div>
    )
  }
}
