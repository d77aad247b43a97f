import { act, renderHook } from '@testing-library/react'
import { NuqsTestingAdapter, type UrlUpdateEvent } from 'nuqs/adapters/testing'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { useUrlState } from './url-state'

function renderUrlState(searchParams = '') {
  const writes: string[] = []
  const { result } = renderHook(() => useUrlState(), {
    wrapper: ({ children }: { children: ReactNode }) => (
      <NuqsTestingAdapter
        searchParams={searchParams}
        hasMemory
        onUrlUpdate={(event: UrlUpdateEvent) =>
          writes.push(`${event.options.history} ?${event.queryString.replace(/^\?/, '')}`)
        }
      >
        {children}
      </NuqsTestingAdapter>
    ),
  })
  return { result, writes }
}

/** Lets the URL's own waits (nuqs' throttle, the typing debounce) pass on the fake clock. */
async function letWritesHappen() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(1_000)
  })
}

describe('useUrlState', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('writes typing once it pauses, replacing the entry, and each choice as a new entry', async () => {
    const { result, writes } = renderUrlState()
    act(() => result.current.setSearch('a'))
    act(() => result.current.setSearch('apparel'))
    expect(result.current.search).toBe('apparel')
    await letWritesHappen()
    expect(writes).toEqual(['replace ?q=apparel'])
    act(() => result.current.setModel('m1'))
    await letWritesHappen()
    expect(writes).toEqual(['replace ?q=apparel', 'push ?q=apparel&model=m1'])
  })

  it('a choice straight after typing writes the search into its own entry first', async () => {
    const { result, writes } = renderUrlState()
    act(() => result.current.setSearch('apparel'))
    act(() => result.current.setModel('m1'))
    expect(result.current.openModelId).toBe('m1')
    // Back from the model's entry finds the entry with the search.
    await letWritesHappen()
    expect(writes).toEqual(['replace ?q=apparel', 'push ?q=apparel&model=m1'])
  })

  it('reads the selection from ?compare=, each id once however often the link repeats it', async () => {
    const { result, writes } = renderUrlState('?compare=a,b,a,a')
    expect(result.current.selected).toEqual(['a', 'b'])
    act(() => result.current.setSelected([...result.current.selected, 'c']))
    await letWritesHappen()
    expect(writes).toEqual(['push ?compare=a,b,c'])
  })
})
