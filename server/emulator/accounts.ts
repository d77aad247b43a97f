import { seedDatasets } from './datasets/seed-datasets'
import type { WireDataset } from './datasets/wire-dataset'
import { seedEvaluations } from './evaluations/seed-evaluations'
import type { EvaluationRecord } from './evaluations/wire-evaluation'
import { testOnlyModels } from './models/fixture-models'
import { generateModels } from './models/generate-models'
import { seedModels } from './models/seed-models'
import type { WireModel } from './models/wire-model'

/** Everything one emulated account holds. */
export type Account = {
  models: WireModel[]
  datasets: WireDataset[]
  evaluations: EvaluationRecord[]
}

/** What `npm run demo` and `npm run emulator` show: an account a newcomer can believe. */
export const demoAccount: Account = {
  models: seedModels,
  datasets: seedDatasets,
  evaluations: seedEvaluations,
}

/**
 * What the tests run against (`--account fixtures`): the demo account, then the models only
 * tests need (hostile names, names told apart by their sort order).
 */
export const fixtureAccount: Account = {
  ...demoAccount,
  models: [...seedModels, ...testOnlyModels],
}

export const accountNames = ['demo', 'fixtures'] as const
export type AccountName = (typeof accountNames)[number]

export function isAccountName(value: string): value is AccountName {
  return (accountNames as readonly string[]).includes(value)
}

export const accounts: Record<AccountName, Account> = {
  demo: demoAccount,
  fixtures: fixtureAccount,
}

/** A generated account of `count` models (benchmarks): no datasets or evaluations. */
export function generatedAccount(count: number, seed: number): Account {
  return { models: generateModels(count, seed), datasets: [], evaluations: [] }
}

/** An account of these models only. */
export function modelsAccount(models: WireModel[]): Account {
  return { models, datasets: [], evaluations: [] }
}
