import { jsonText } from '@/lib/json-text'

import { readEntries, type EntryList } from './entry-list'
import { anyListIn, entryIn } from './envelope'
import {
  extraFields,
  finishEntry,
  openObject,
  readEntry,
  statusOf,
  text,
  textList,
  textOf,
  warn,
  type EntryWith,
} from './field-reader'

/** The documented dataset types; the service's own spelling is kept whatever it is. */
export type DatasetType = 'training' | 'evaluation' | (string & {})

/**
 * A dataset as the dashboard reads it, field by field as models are: an entry with a
 * `datasetId` is always shown, odd fields are shown as text and listed in `warnings`.
 */
export type Dataset = EntryWith<{
  datasetId: string
  datasetName: string
  /** As sent, trimmed; `''` when absent (listed in `warnings`). */
  datasetType: DatasetType
  /** Column name to its type (`text`, `image_pointer`, `score`, `doc_id`, or what came). */
  dataSchema: Readonly<Record<string, string>>
  /** The text the service sent when the schema came as a string (or another non-object). */
  dataSchemaText: string | undefined
  /** Undefined when the service sent none. */
  queryColumns: string[] | undefined
  resultColumns: string[] | undefined
}>

const knownFields = new Set([
  'datasetId',
  'datasetName',
  'status',
  'secondaryStatus',
  'failureReason',
  'datasetType',
  'dataSchema',
  'queryColumns',
  'resultColumns',
])

function schemaOf(value: unknown): Record<string, string> {
  const schema = openObject(value, 'dataSchema', 'an object of column names and types')
  let odd = false
  const columns: Record<string, string> = {}
  for (const column in schema) {
    const type = schema[column]
    if (typeof type !== 'string') odd = true
    // defineProperty: a column called "__proto__" stays a column.
    Object.defineProperty(columns, column, {
      value: typeof type === 'string' ? type : jsonText(type),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  if (odd) warn('dataSchema', value, 'a type name for each column')
  return columns
}

function columnList(value: unknown, field: string): string[] | undefined {
  return value == null ? undefined : textList(value, field, 'a list of column names')
}

/** One entry of the service's answer as a dataset, or undefined when it has no identity. */
export function readDataset(value: unknown): Dataset | undefined {
  return readEntry(value, 'datasetId', readDatasetFields)
}

function readDatasetFields(value: Record<string, unknown>, datasetId: string): Dataset {
  return {
    datasetId,
    datasetName: text(value.datasetName, 'datasetName', true),
    status: statusOf(value.status),
    secondaryStatus: text(value.secondaryStatus, 'secondaryStatus', false),
    failureReason: text(value.failureReason, 'failureReason', false),
    datasetType: text(value.datasetType, 'datasetType', true).trim(),
    dataSchema: schemaOf(value.dataSchema),
    dataSchemaText: textOf(value.dataSchema),
    queryColumns: columnList(value.queryColumns, 'queryColumns'),
    resultColumns: columnList(value.resultColumns, 'resultColumns'),
    extra: extraFields(value, knownFields),
    warnings: finishEntry(),
  }
}

export type DatasetList = EntryList<'datasets', Dataset, 'no dataset id'>

/** The one place that decides what `GET /datasets` sent: a bare list or any one list inside. */
export function parseDatasetList(json: unknown): DatasetList {
  return readEntries(
    anyListIn(json, ['datasets']),
    'datasets',
    readDataset,
    (dataset) => dataset.datasetId,
    'no dataset id',
  )
}

/** `GET /datasets/{id}`: the dataset, bare, in the envelope or under `dataset`; else undefined. */
export function parseDataset(json: unknown): Dataset | undefined {
  return readDataset(entryIn(json, 'dataset', 'datasetId'))
}
