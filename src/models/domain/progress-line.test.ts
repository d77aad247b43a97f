import { describe, expect, it } from 'vitest'

import { readProgressLine } from './progress-line'

describe('readProgressLine', () => {
  it.each([
    [
      "the emulator's step line",
      'Epoch 2 step 3/20, loss=0.9804',
      { epoch: 2, step: 3, stepTotal: 20, values: [{ name: 'loss', value: 0.9804 }] },
    ],
    [
      "the emulator's epoch line",
      'Epoch 2 finished, loss=0.8333',
      {
        epoch: 2,
        epochFractional: false,
        step: undefined,
        values: [{ name: 'loss', value: 0.8333 }],
      },
    ],
    [
      "open_clip's training line",
      'Train Epoch: 2 [ 2048/10000 (20%)] Loss: 0.4512 (0.5012) LR: 0.000020',
      {
        epoch: 2,
        step: 2048,
        stepTotal: 10000,
        values: [
          { name: 'Loss', value: 0.4512 },
          { name: 'LR', value: 0.00002 },
        ],
      },
    ],
    [
      "open_clip's full line, with timings and the logit scale",
      '2024-05-01,12:00:01 | INFO | Train Epoch: 0 [  32768/100000 (33%)] Data (t): 0.102 Batch (t): 0.512, 64.0/s, 64.0/s/gpu LR: 0.000100 Logit Scale: 14.286 Contrastive_loss: 0.6812 (0.7012) Loss: 0.6812 (0.7012)',
      {
        epoch: 0,
        step: 32768,
        values: [
          { name: 'LR', value: 0.0001 },
          { name: 'Logit Scale', value: 14.286 },
          { name: 'Contrastive_loss', value: 0.6812 },
          { name: 'Loss', value: 0.6812 },
        ],
      },
    ],
    [
      "Hugging Face's trainer dict (sentence-transformers)",
      "{'loss': 0.4512, 'grad_norm': 1.234, 'learning_rate': 2e-05, 'epoch': 0.5}",
      {
        epoch: 0.5,
        epochFractional: true,
        step: undefined,
        values: [
          { name: 'loss', value: 0.4512 },
          { name: 'grad_norm', value: 1.234 },
          { name: 'learning_rate', value: 0.00002 },
        ],
      },
    ],
    [
      'a tqdm bar with a postfix',
      'Epoch 1/3:  45%|████▌     | 141/313 [00:38<00:46,  3.70it/s, loss=0.412]',
      { epoch: 1, step: 141, stepTotal: 313, values: [{ name: 'loss', value: 0.412 }] },
    ],
    [
      "Lightning's bar (its version number is no series)",
      'Epoch 2: 100%|██████████| 313/313 [01:20<00:00, 3.89it/s, v_num=0, train_loss=0.301, val_loss=0.352]',
      {
        epoch: 2,
        step: 313,
        values: [
          { name: 'train_loss', value: 0.301 },
          { name: 'val_loss', value: 0.352 },
        ],
      },
    ],
    [
      "the PyTorch tutorial's line",
      'Epoch [2/10], Step [100/600], Loss: 0.2345',
      { epoch: 2, step: 100, stepTotal: 600, values: [{ name: 'Loss', value: 0.2345 }] },
    ],
    [
      'a tensor and a numpy scalar',
      "step=40 loss=tensor(0.4512, device='cuda:0') acc=np.float64(0.91)",
      {
        step: 40,
        values: [
          { name: 'loss', value: 0.4512 },
          { name: 'acc', value: 0.91 },
        ],
      },
    ],
    [
      'a loss with no position',
      'INFO - Validation loss: 0.3521',
      { epoch: undefined, step: undefined, values: [{ name: 'Validation loss', value: 0.3521 }] },
    ],
  ])('reads %s', (_, line, expected) => {
    expect(readProgressLine(line)).toMatchObject(expected)
  })

  it.each([
    ['a traceback line', '    loss = model(batch).loss'],
    [
      'the CUDA error',
      'RuntimeError: CUDA out of memory. Tried to allocate 3.12 GiB (GPU 0; 22.05 GiB total capacity)',
    ],
    ['a file line', '  File "/opt/marqtune/train.py", line 212, in train_epoch'],
    ['a checkpoint saved', 'Saved checkpoint epoch_3'],
    ['a value with no name that says progress', 'Accuracy: 0.91'],
    ['space-separated numbers, on purpose', 'train_loss 0.12'],
    ['a percentage', 'Downloading: 45%'],
    ['a time of day', 'epoch 3 started at 12:00:01'],
    ['a hyperparameter line', "Hyperparameters: {'epochs': 3, 'lr': 1e-05}"],
    ['a Keras header', 'Epoch 2/10'],
  ])('reads no progress from %s', (_, line) => {
    expect(readProgressLine(line)).toBeUndefined()
  })

  it('does not take "epochs" or "train_epoch" for an epoch', () => {
    expect(readProgressLine('epochs=3, loss=0.5')?.epoch).toBeUndefined()
    expect(readProgressLine('in train_epoch 4: loss=0.5')?.epoch).toBeUndefined()
  })
})
