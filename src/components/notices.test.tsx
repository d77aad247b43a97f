import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { noticeMs, NoticesProvider, useNotices, type Notice } from './notices'

function Poster({ notices }: { notices: Notice[] }) {
  const { notify } = useNotices()
  return (
    <>
      {notices.map((notice) => (
        <button key={notice.title} type="button" onClick={() => notify(notice)}>
          {notice.title}
        </button>
      ))}
    </>
  )
}

describe('the notice region', () => {
  it('shows each notice once, the newest in place of an older one of its id, until dismissed', async () => {
    const user = userEvent.setup()
    render(
      <NoticesProvider>
        <Poster
          notices={[
            { id: 'copy', tone: 'success', title: 'First', text: 'Copied the name.' },
            { id: 'copy', tone: 'success', title: 'Second', text: 'Copied the reference.' },
            {
              id: 'refresh',
              tone: 'danger',
              title: 'Third',
              text: 'Refreshing failed.',
              persistent: true,
            },
          ]}
        />
      </NoticesProvider>,
    )
    const region = screen.getByRole('region', { name: 'Notices' })
    await user.click(screen.getByRole('button', { name: 'First' }))
    await user.click(screen.getByRole('button', { name: 'Second' }))
    expect(region).toHaveTextContent('Copied the reference.')
    expect(region).not.toHaveTextContent('Copied the name.')
    await user.click(screen.getByRole('button', { name: 'Third' }))
    expect(screen.getByRole('alert')).toHaveTextContent('Refreshing failed.')
    await user.click(screen.getAllByRole('button', { name: 'Dismiss this notice' })[1]!)
    expect(region).not.toHaveTextContent('Refreshing failed.')
  })

  it('lets a notice go after a few seconds unless it is persistent', () => {
    vi.useFakeTimers()
    try {
      render(
        <NoticesProvider>
          <Poster
            notices={[
              { id: 'a', tone: 'info', title: 'Passing', text: 'Status changed.' },
              { id: 'b', tone: 'info', title: 'Staying', text: 'Watch out.', persistent: true },
            ]}
          />
        </NoticesProvider>,
      )
      act(() => screen.getByRole('button', { name: 'Passing' }).click())
      act(() => screen.getByRole('button', { name: 'Staying' }).click())
      act(() => {
        vi.advanceTimersByTime(noticeMs)
      })
      const region = screen.getByRole('region', { name: 'Notices' })
      expect(region).not.toHaveTextContent('Status changed.')
      expect(region).toHaveTextContent('Watch out.')
    } finally {
      vi.useRealTimers()
    }
  })
})
