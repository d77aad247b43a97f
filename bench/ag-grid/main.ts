/**
 * The same models table on AG Grid Community (what MLflow's runs table uses), for the benchmark
 * only: same data, same columns, quick filter, a status filter, header sorting.
 */
import {
  AllCommunityModule,
  ModuleRegistry,
  createGrid,
  type ColDef,
  type GridApi,
} from 'ag-grid-community'

ModuleRegistry.registerModules([AllCommunityModule])

type Row = {
  modelId: string
  modelName: string
  status: string
  baseModel: string
  instanceType: string
  maxTrainingTime?: number
  checkpoints: string[]
}

const columnDefs: Array<ColDef<Row>> = [
  { field: 'modelName', headerName: 'Name', width: 300 },
  { field: 'modelId', headerName: 'ID', width: 110 },
  { field: 'status', headerName: 'Status', width: 200 },
  { field: 'baseModel', headerName: 'Base model', width: 340 },
  { field: 'instanceType', headerName: 'Instance type', width: 180 },
  { field: 'maxTrainingTime', headerName: 'Max training time', width: 160 },
  {
    colId: 'checkpoints',
    headerName: 'Checkpoints',
    width: 130,
    valueGetter: (params) => params.data?.checkpoints.length,
  },
]

let api: GridApi<Row> | undefined
let status = ''

declare global {
  interface Window {
    agBench: {
      start: (key: string) => Promise<void>
      api: () => GridApi<Row> | undefined
    }
  }
}

window.agBench = {
  api: () => api,
  async start(key) {
    const response = await fetch('/api/models', { headers: { 'x-api-key': key } })
    const text = await response.text()
    performance.mark('models:received')
    const json = JSON.parse(text) as { body?: { models?: Row[] }; models?: Row[] }
    performance.mark('models:parsed')
    // AG Grid takes the rows as they come: no validation step.
    const rowData = json.body?.models ?? json.models ?? []
    performance.mark('models:validated')
    api = createGrid(document.getElementById('grid')!, {
      rowData,
      columnDefs,
      getRowId: (params) => params.data.modelId,
      // Both tables repaint at once; row animation would only add frames to AG Grid's figures.
      animateRows: false,
      isExternalFilterPresent: () => status !== '',
      doesExternalFilterPass: (node) => node.data?.status.toLowerCase() === status,
      onFirstDataRendered: () =>
        requestAnimationFrame(() => setTimeout(() => performance.mark('models:painted'))),
    })
  },
}

document.getElementById('quick')!.addEventListener('input', (event) => {
  api?.setGridOption('quickFilterText', (event.target as HTMLInputElement).value)
})
document.getElementById('status')!.addEventListener('change', (event) => {
  status = (event.target as HTMLSelectElement).value
  api?.onFilterChanged()
})
