import type { EmulatorContext, Handlers } from '../emulator-context'
import { logWindow } from '../logs'

/** The dataset routes: list, describe and logs (creating one is not emulated). */
export function datasetHandlers({
  state,
  send,
  sendList,
}: EmulatorContext): Handlers<'listDatasets' | 'describeDataset' | 'datasetLogs'> {
  const notFound = { message: 'dataset not found' }
  return {
    listDatasets: (c) => sendList(c, 'datasets', state.datasets),

    describeDataset: (c, { params }) => {
      const dataset = state.findDataset(params.datasetId!)
      return dataset ? send(c, 200, dataset) : send(c, 404, notFound)
    },

    datasetLogs: (c, { params, query }) => {
      const dataset = state.findDataset(params.datasetId!)
      if (!dataset) return send(c, 404, notFound)
      const window = logWindow(state.datasetLog(dataset), query.from, query.to)
      return typeof window === 'string' ? send(c, 400, { message: window }) : send(c, 200, window)
    },
  }
}
