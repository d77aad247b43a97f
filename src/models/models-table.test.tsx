import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'

import { seedAccount } from '../testing/factories'
import { ModelsTable } from './models-table'

function names(): string[] {
  const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
  return rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '')
}

describe('ModelsTable', () => {
  it('keeps the service’s order until a column is sorted', () => {
    const models = seedAccount()
    render(<ModelsTable models={models} />)
    expect(names()).toEqual(models.map((model) => model.modelName))
  })

  it('sorts names in natural order, reverses on a second click and exposes aria-sort', async () => {
    const user = userEvent.setup()
    render(<ModelsTable models={seedAccount()} />)
    const header = screen.getByRole('columnheader', { name: /name/i })

    await user.click(within(header).getByRole('button'))
    expect(header).toHaveAttribute('aria-sort', 'ascending')
    const ascending = names()
    expect(ascending.indexOf('model-2')).toBeLessThan(ascending.indexOf('model-10'))

    await user.click(within(header).getByRole('button'))
    expect(header).toHaveAttribute('aria-sort', 'descending')
    expect(names().indexOf('model-10')).toBeLessThan(names().indexOf('model-2'))
  })

  it('sorts statuses in lifecycle order, not alphabetically', async () => {
    const user = userEvent.setup()
    render(<ModelsTable models={seedAccount()} />)
    await user.click(screen.getByRole('button', { name: 'Status' }))

    const statuses = within(screen.getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[2]?.textContent ?? '')
    expect(statuses[0]).toMatch(/provisioning|INITIALIZING|uploading/)
    expect(statuses.at(-1)).toContain('Archived')
  })

  it('filters by any word of name, id, status or base model and says how many match', async () => {
    const user = userEvent.setup()
    render(<ModelsTable models={seedAccount()} />)

    await user.type(screen.getByRole('searchbox', { name: 'Search models' }), 'vit-l-14')
    // The four models trained on Marqo/ViT-L-14 (the chained one names its parent instead).
    expect(await screen.findByText('4 of 25 models')).toBeInTheDocument()

    await user.clear(screen.getByRole('searchbox', { name: 'Search models' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search models' }), 'no such model')
    expect(await screen.findByText('No models match')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear search' }))
    expect(screen.getByText('25 models')).toBeInTheDocument()
  })

  it('has its own state for an empty account', () => {
    render(<ModelsTable models={[]} />)
    expect(screen.getByText('This account has no models yet')).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })
})
