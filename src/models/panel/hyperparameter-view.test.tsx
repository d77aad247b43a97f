import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { makeModel } from '@/testing/factories'
import { HyperparameterView } from './hyperparameter-view'

function rowOf(key: string): HTMLElement {
  const header = screen.getByRole('rowheader', { name: new RegExp(`^${key}`) })
  return header.closest('tr')!
}

describe('HyperparameterView', () => {
  it('shows the query and document columns beside their weights', () => {
    render(
      <HyperparameterView
        model={makeModel({
          hyperparameters: {
            leftKeys: ['query'],
            leftWeights: [1],
            rightKeys: ['image', 'title'],
            rightWeights: [0.9, 0.1],
          },
        })}
      />,
    )
    const documents = within(rowOf('Document side')).getAllByRole('listitem')
    expect(documents.map((item) => item.textContent)).toEqual(['image × 0.9', 'title × 0.1'])
    expect(within(rowOf('Query side')).getByRole('listitem')).toHaveTextContent('query × 1')
    expect(screen.queryByRole('rowheader', { name: 'leftKeys' })).not.toBeInTheDocument()
  })

  it('keeps small numbers recognisable and huge ones whole', () => {
    render(
      <HyperparameterView
        model={makeModel({
          hyperparameters: { lr: 2e-5, wd: 0.02, steps: 12345678901234, big: 1e21 },
        })}
      />,
    )
    expect(rowOf('lr')).toHaveTextContent('2e-5')
    expect(within(rowOf('lr')).getByText('2e-5')).toHaveAttribute('title', '0.00002')
    expect(rowOf('wd')).toHaveTextContent('0.02')
    expect(rowOf('steps')).toHaveTextContent('12345678901234')
    expect(rowOf('big')).toHaveTextContent('1e+21')
  })

  it('shows arrays inline and nested objects as nested lists', () => {
    render(
      <HyperparameterView
        model={makeModel({
          hyperparameters: {
            scale: [0.8, 1],
            augmentation: { randomResizedCrop: { scale: [0.8, 1] }, hflip: true },
            schedule: [{ step: 0 }, { step: 1000 }],
          },
        })}
      />,
    )
    expect(rowOf('scale')).toHaveTextContent('[0.8, 1]')
    const augmentation = rowOf('augmentation')
    expect(within(augmentation).getByText('hflip')).toBeInTheDocument()
    expect(within(augmentation).getByText('true')).toBeInTheDocument()
    expect(within(augmentation).getByText('randomResizedCrop')).toBeInTheDocument()
    expect(within(rowOf('schedule')).getAllByRole('listitem')).toHaveLength(2)
  })

  it('reads hyperparameters that arrived as a JSON string, and says so', () => {
    render(
      <HyperparameterView
        model={makeModel({ hyperparameters: { epochs: 3 }, hyperparametersText: '{"epochs": 3}' })}
      />,
    )
    expect(screen.getByText('The service sent these as a JSON string.')).toBeInTheDocument()
    expect(rowOf('epochs')).toHaveTextContent('3')
  })

  it('shows text that is not JSON as it came', () => {
    render(<HyperparameterView model={makeModel({ hyperparametersText: 'epochs=3 lr=1e-5' })} />)
    expect(screen.getByText('epochs=3 lr=1e-5')).toBeInTheDocument()
    expect(
      screen.getByRole('button', { name: 'Copy the hyperparameters as text' }),
    ).toBeInTheDocument()
  })

  it('offers the raw JSON and a copy of it', () => {
    render(<HyperparameterView model={makeModel({ hyperparameters: { epochs: 3 } })} />)
    expect(screen.getByText('Raw JSON')).toBeInTheDocument()
    expect(
      screen.getByRole('button', { name: 'Copy the hyperparameters as JSON' }),
    ).toBeInTheDocument()
  })

  it('draws a value thousands of levels deep a few levels down, the raw JSON cut too', () => {
    let deep: unknown = 'bottom'
    for (let level = 0; level < 20_000; level++) deep = { inner: deep }
    render(<HyperparameterView model={makeModel({ hyperparameters: { deep, epochs: 5 } })} />)
    expect(rowOf('epochs')).toHaveTextContent('5')
    expect(rowOf('deep')).toHaveTextContent('nested deeper than 8 levels: see the raw JSON')
    expect(screen.getByText(/nested more than 100 levels deep: left out/)).toBeInTheDocument()
  })
})
