import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { makeModel } from '@/testing/factories'

import { TrainingProgressBar } from './progress-bar'
import { StatusBadge } from './status-badge'

const running = (checkpoints: number, hyperparameters: Record<string, unknown>) =>
  makeModel({
    modelName: 'gs-apparel-v5',
    status: 'running',
    checkpoints: Array.from({ length: checkpoints }, (_, i) => `epoch_${i + 1}`),
    hyperparameters,
  })

describe('TrainingProgressBar', () => {
  it('is a named progress bar of epochs done of epochs planned, with its words', () => {
    render(<TrainingProgressBar model={running(3, { epochs: 5 })} />)
    const bar = screen.getByRole('progressbar', { name: 'Training progress of gs-apparel-v5' })
    expect(bar).toHaveAttribute('aria-valuenow', '3')
    expect(bar).toHaveAttribute('aria-valuemax', '5')
    expect(bar).toHaveAttribute('aria-valuetext', 'epoch 3 of 5')
    expect(screen.getByText('epoch 3 of 5')).toBeVisible()
  })

  it('says the plan is unknown instead of drawing a guess', () => {
    render(<TrainingProgressBar model={running(2, {})} />)
    expect(screen.queryByRole('progressbar')).toBeNull()
    expect(screen.getByText('epoch 2 of an unknown number')).toBeVisible()
  })

  it('shows in the status cell only while a model is in progress', () => {
    const { rerender } = render(<StatusBadge model={running(0, { epochs: 4 })} progress />)
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0')
    rerender(
      <StatusBadge
        model={makeModel({ status: 'ready', hyperparameters: { epochs: 4 } })}
        progress
      />,
    )
    expect(screen.queryByRole('progressbar')).toBeNull()
  })
})
