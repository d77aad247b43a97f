import type { WireDataset } from './wire-dataset'
import { evaluationDatasets, trainingDatasets } from './dataset-ids'

// The columns of the walkthrough's dataset (query, title, image, score), which most demo
// models train on: their leftKeys, rightKeys and weightKey are these columns.
const imageText = { query: 'text', title: 'text', image: 'image_pointer', score: 'score' }
const imageTextColumns = { queryColumns: ['query'], resultColumns: ['title', 'image'] }
// The fashion titles' columns: text only.
const titles = { query: 'text', title: 'text', score: 'score' }
const titlesColumns = { queryColumns: ['query'], resultColumns: ['title'] }

function ready(
  datasetId: string,
  datasetName: string,
  datasetType: WireDataset['datasetType'],
  dataSchema: Record<string, string>,
  columns: { queryColumns: string[]; resultColumns: string[] },
): WireDataset {
  return {
    datasetId,
    datasetName,
    status: 'ready',
    secondaryStatus: 'ready',
    datasetType,
    dataSchema,
    ...columns,
  }
}

/**
 * The demo account's datasets: one training dataset for each set of columns its models train
 * on, an evaluation dataset for each evaluated project, one still uploading and one that failed.
 */
export const seedDatasets: WireDataset[] = [
  ready(
    trainingDatasets.imageText,
    'gs-apparel-train-100k',
    'training',
    imageText,
    imageTextColumns,
  ),
  ready(
    trainingDatasets.productSearch,
    'product-search-train-1m',
    'training',
    imageText,
    imageTextColumns,
  ),
  ready(
    trainingDatasets.fashionTitles,
    'fashion-ecom-titles-train',
    'training',
    titles,
    titlesColumns,
  ),
  ready(
    trainingDatasets.multilingual,
    'retail-multilingual-en-de-train',
    'training',
    { query_en: 'text', query_de: 'text', ...imageText },
    { queryColumns: ['query_en', 'query_de'], resultColumns: ['title', 'image'] },
  ),
  ready(
    trainingDatasets.russianCatalogue,
    'каталог-ru-train',
    'training',
    { запрос: 'text', 画像: 'image_pointer', τίτλος: 'text', score: 'score' },
    { queryColumns: ['запрос'], resultColumns: ['画像', 'τίτλος'] },
  ),
  ready(
    trainingDatasets.marketplace,
    'marketplace-listings-train',
    'training',
    { ...imageText, description: 'text', listing_id: 'doc_id' },
    { queryColumns: ['query'], resultColumns: ['image', 'title', 'description'] },
  ),
  {
    // Still being uploaded: not yet usable for training.
    datasetId: trainingDatasets.furnitureUploading,
    datasetName: 'furniture-train-2025-q1',
    status: 'running',
    secondaryStatus: 'uploading',
    datasetType: 'training',
    dataSchema: imageText,
    ...imageTextColumns,
  },
  {
    datasetId: trainingDatasets.brokenImages,
    datasetName: 'shoes-train-hard-negatives-v2',
    status: 'failed',
    secondaryStatus: 'failed',
    failureReason:
      'Dataset validation failed: 1,204 of 48,310 rows have an image that could not be fetched (HTTP 403), e.g. https://assets.example.com/img/000183.jpg',
    datasetType: 'training',
    dataSchema: imageText,
    ...imageTextColumns,
  },
  ready(
    evaluationDatasets.imageText,
    'gs-apparel-eval-25k',
    'evaluation',
    imageText,
    imageTextColumns,
  ),
  ready(
    evaluationDatasets.productSearch,
    'product-search-eval-10k',
    'evaluation',
    imageText,
    imageTextColumns,
  ),
  ready(
    evaluationDatasets.fashionTitles,
    'fashion-ecom-titles-eval',
    'evaluation',
    titles,
    titlesColumns,
  ),
]
