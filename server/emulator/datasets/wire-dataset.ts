/** A dataset as the Marqtune API sends it (docs/marqtune-api.md, "Evaluations and datasets"). */
export type WireDataset = {
  datasetId: string
  datasetName: string
  status: string
  secondaryStatus: string
  failureReason?: string
  datasetType: 'training' | 'evaluation'
  /** Column name to its type: `text`, `image_pointer`, `score` or `doc_id`. */
  dataSchema: Record<string, string>
  queryColumns?: string[]
  resultColumns?: string[]
  [extraField: string]: unknown
}
