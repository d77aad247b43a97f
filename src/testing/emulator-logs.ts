import { logsOf } from '../../server/emulator/logs'
import { seedModels } from '../../server/emulator/models/seed-models'

/** The training log the emulator writes for a seeded model, as the app reads its messages. */
export function emulatorTrainingLog(pick: (checkpoints: number) => boolean): {
  modelId: string
  checkpoints: number
  lines: { message: string }[]
} {
  const model = seedModels.find((each) => pick(each.checkpoints.length))
  if (!model) throw new Error('No seeded model has that many checkpoints')
  return {
    modelId: model.modelId,
    checkpoints: model.checkpoints.length,
    lines: logsOf(model, Date.now()).map(({ message }) => ({ message })),
  }
}
