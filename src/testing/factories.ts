import { parseModelList, type Model } from '../api/model-schema'
import { seedModels } from '../../server/emulator/seed-models'

/** The demo account, read through the app's own parser. */
export function seedAccount(): Model[] {
  return parseModelList({ models: seedModels }).models
}
