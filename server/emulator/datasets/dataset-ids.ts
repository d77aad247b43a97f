/**
 * The demo account's dataset ids, by what they hold: the models' and evaluations' seeds name
 * them, and seed-datasets.ts describes them.
 */
export const trainingDatasets = {
  imageText: 'a1f3c5e7-2b4d-4f60-8a9c-0d1e2f3a4b5c',
  productSearch: 'b2e4d6f8-3c5e-4a71-9b0d-1e2f3a4b5c6d',
  fashionTitles: 'c3d5e7f9-4d6f-4b82-8c1e-2f3a4b5c6d7e',
  multilingual: 'd4c6f8a0-5e7a-4c93-9d2f-3a4b5c6d7e8f',
  russianCatalogue: 'e5b7a9b1-6f8b-4da4-8e3a-4b5c6d7e8f90',
  marketplace: 'f6a8b0c2-7a9c-4eb5-9f4b-5c6d7e8f9012',
  furnitureUploading: '07b9c1d3-8bad-4fc6-8a5c-6d7e8f901234',
  brokenImages: '18cad2e4-9cbe-40d7-9b6d-7e8f90123456',
} as const

export const evaluationDatasets = {
  imageText: '29dbe3f5-adcf-41e8-8c7e-8f9012345678',
  productSearch: '3aecf406-bed0-42f9-9d8f-90123456789a',
  fashionTitles: '4bfd0517-cfe1-430a-8e90-0123456789ab',
} as const
