import { evaluationRequestFields, readEvaluationRequest } from './evaluation-request'
import { checkpointPattern, uuidPattern } from './model-id'

/**
 * Every Marqtune route this project knows, written once. The production server's allow-list and
 * its method refusals (`Allow`), the emulator's routes and its fault names, the app's requests
 * and the copy-as-code snippets are all derived from this table (docs/architecture.md, "Where to
 * add a route"). A route's name is its key: the emulator's faults and request log use it.
 *
 * - `path` names each parameter by its kind (`:modelId`, `:checkpoint`, ...): the kind decides
 *   what the parameter may be (`valueKinds`), so nothing else can reach an upstream URL.
 * - `query`: the query parameters a route takes, by kind; the server forwards these and no other.
 * - `body`: the JSON fields a POST takes (`required` and `optional`); a route without one is
 *   sent with no body. A forwarded one also says how large a body may be (`maxBytes`) and how it
 *   is checked (`read`): the server forwards what `read` gives back, and nothing of a body it
 *   refuses.
 * - `forwarded`: the dashboard's server lets it through to Marqtune. The emulator answers every
 *   route, forwarded or not (the official client and the snippets use them all).
 * - Every route that is not a GET changes something upstream: the server refuses it from another
 *   site and `READ_ONLY=true` closes it (`changesState`).
 */
export type Method = 'GET' | 'POST' | 'DELETE'

/** What a path parameter or a query value may be, and how a refusal names it. */
export const valueKinds = {
  modelId: { pattern: uuidPattern, name: 'model id' },
  evaluationId: { pattern: uuidPattern, name: 'evaluation id' },
  datasetId: { pattern: uuidPattern, name: 'dataset id' },
  checkpoint: { pattern: checkpointPattern, name: 'checkpoint name' },
  /** A log window bound: a whole number of milliseconds or seconds since the epoch. */
  logTime: { pattern: /^\d{1,16}$/, name: 'log time' },
  /** The last segment of a file link: its extension is what a client saves the file as. */
  fileName: { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, name: 'file name' },
  /** When a presigned link was signed, as S3 writes it: `20261201T120000Z`. */
  signedAt: { pattern: /^\d{8}T\d{6}Z$/, name: 'signing time' },
  /** How long a presigned link stays valid after it was signed, in seconds. */
  lifetime: { pattern: /^\d{1,6}$/, name: 'lifetime' },
  signature: { pattern: /^[0-9a-f]{64}$/, name: 'signature' },
} as const satisfies Record<string, { pattern: RegExp; name: string }>

export type ValueKind = keyof typeof valueKinds

/** A POST body checked by its route's rules: what goes upstream, or every problem with it. */
export type BodyReading =
  { body: unknown } | { problems: readonly { field: string; message: string }[] }

type BodyFields = { required: readonly string[]; optional: readonly string[] }

/** What the dashboard's server needs to forward a body: its largest size and its rules. */
export type ForwardedBody = BodyFields & { maxBytes: number; read: (json: unknown) => BodyReading }

type RouteSpec = {
  method: Method
  path: string
  query?: Readonly<Record<string, ValueKind>>
  /**
   * A link the service hands out (`downloadUrl`), fetched without the key: its signature and
   * expiry in the query are its only authority, as with an S3 presigned URL. The emulator serves
   * these itself, on its own address; the real service's point at its storage.
   */
  presigned?: true
} & ({ forwarded: false; body?: BodyFields } | { forwarded: true; body?: ForwardedBody })

/** A log's window: `from` and `to`, in milliseconds or seconds since the epoch. */
const logWindowQuery = { from: 'logTime', to: 'logTime' } as const

/** The query of every presigned link: S3's names, which a reader of such links knows. */
const presignedQuery = {
  'X-Amz-Date': 'signedAt',
  'X-Amz-Expires': 'lifetime',
  'X-Amz-Signature': 'signature',
} as const

export const routes = {
  listModels: { method: 'GET', path: '/models', forwarded: true },
  describeModel: { method: 'GET', path: '/models/:modelId', forwarded: true },
  modelLogs: {
    method: 'GET',
    path: '/models/:modelId/logs',
    query: logWindowQuery,
    forwarded: true,
  },
  modelLogFile: { method: 'GET', path: '/models/:modelId/logs/url', forwarded: true },
  checkpointDownload: {
    method: 'GET',
    path: '/models/:modelId/download/url',
    query: { checkpoint: 'checkpoint' },
    forwarded: true,
  },
  releaseCheckpoint: {
    method: 'POST',
    path: '/models/:modelId/released-checkpoints/:checkpoint',
    forwarded: true,
  },
  deleteModel: { method: 'DELETE', path: '/models/:modelId', forwarded: true },
  trainModel: {
    method: 'POST',
    path: '/models/train',
    body: {
      required: ['datasetId', 'modelName', 'baseModel', 'instanceType', 'hyperparameters'],
      optional: ['maxTrainingTime'],
    },
    forwarded: false,
  },
  startEvaluation: {
    method: 'POST',
    path: '/evaluation',
    // A few column names and numbers: the documented example is 150 bytes.
    body: {
      required: evaluationRequestFields,
      optional: [],
      maxBytes: 16 * 1024,
      read: readEvaluationRequest,
    },
    forwarded: true,
  },
  listEvaluations: { method: 'GET', path: '/evaluation', forwarded: true },
  describeEvaluation: { method: 'GET', path: '/evaluation/:evaluationId', forwarded: true },
  evaluationLogs: {
    method: 'GET',
    path: '/evaluation/:evaluationId/logs',
    query: logWindowQuery,
    forwarded: true,
  },
  evaluationLogFile: {
    method: 'GET',
    path: '/evaluation/:evaluationId/logs/url',
    forwarded: false,
  },
  evaluationResults: {
    method: 'GET',
    path: '/evaluation/:evaluationId/download/url',
    forwarded: true,
  },
  deleteEvaluation: { method: 'DELETE', path: '/evaluation/:evaluationId', forwarded: false },
  listDatasets: { method: 'GET', path: '/datasets', forwarded: true },
  describeDataset: { method: 'GET', path: '/datasets/:datasetId', forwarded: true },
  datasetLogs: {
    method: 'GET',
    path: '/datasets/:datasetId/logs',
    query: logWindowQuery,
    forwarded: false,
  },
  // The files behind the links above (`downloadUrl`), as the emulator serves them.
  checkpointFile: {
    method: 'GET',
    path: '/files/models/:modelId/checkpoints/:fileName',
    query: presignedQuery,
    forwarded: false,
    presigned: true,
  },
  modelLogFileContents: {
    method: 'GET',
    path: '/files/models/:modelId/logs/:fileName',
    query: presignedQuery,
    forwarded: false,
    presigned: true,
  },
  evaluationLogFileContents: {
    method: 'GET',
    path: '/files/evaluation/:evaluationId/logs/:fileName',
    query: presignedQuery,
    forwarded: false,
    presigned: true,
  },
  evaluationResultsFile: {
    method: 'GET',
    path: '/files/evaluation/:evaluationId/results/:fileName',
    query: presignedQuery,
    forwarded: false,
    presigned: true,
  },
} as const satisfies Record<string, RouteSpec>

export type RouteName = keyof typeof routes
export type Route = (typeof routes)[RouteName]
export const routeNames: readonly RouteName[] = Object.keys(routes).filter(
  (name): name is RouteName => Object.hasOwn(routes, name),
)

/** The parameter names in a path pattern: `'/models/:modelId/logs'` gives `'modelId'`. */
type ParamsOf<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamsOf<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never

export type RouteParams<Name extends RouteName> = Record<
  ParamsOf<(typeof routes)[Name]['path']>,
  string
>

type QueryOf<Name extends RouteName> = (typeof routes)[Name] extends {
  query: infer Query
}
  ? Partial<Record<keyof Query, string | number>>
  : never

/** The body rules of a route the server forwards with a body; none for one sent without. */
export function forwardedBody(route: Route): ForwardedBody | undefined {
  return route.forwarded && 'body' in route ? route.body : undefined
}

/** Every route but a GET changes something upstream. */
export function changesState({ method }: { method: string }): boolean {
  return method !== 'GET'
}

/**
 * The path (and query) of a route with its parameters filled in, each encoded: what the app asks
 * its server for under `/api`, and what a snippet asks Marqtune for.
 */
export function routePath<Name extends RouteName>(
  name: Name,
  ...[params, query]: ParamsOf<(typeof routes)[Name]['path']> extends never
    ? [params?: Record<string, never>, query?: QueryOf<Name>]
    : [params: RouteParams<Name>, query?: QueryOf<Name>]
): string {
  return fillPath(routes[name], params ?? {}, query ?? {})
}

/** `routePath` for a route known only at run time (the server's, read from a request). */
export function fillPath(
  route: Route,
  params: Readonly<Record<string, string>>,
  query: Readonly<Record<string, string | number | undefined>> = {},
): string {
  const path = route.path.replace(/:(\w+)/g, (_, param: string) =>
    encodeURIComponent(params[param] ?? ''),
  )
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) search.set(key, String(value))
  }
  return search.size ? `${path}?${search.toString()}` : path
}

type Segment = { literal: string } | { param: string; kind: ValueKind }

function isValueKind(name: string): name is ValueKind {
  return Object.hasOwn(valueKinds, name)
}

function segmentsOf(path: string): Segment[] {
  return path
    .split('/')
    .slice(1)
    .map((part) => {
      if (!part.startsWith(':')) return { literal: part }
      const param = part.slice(1)
      if (!isValueKind(param)) throw new Error(`${path}: ${param} is not a kind of value`)
      return { param, kind: param }
    })
}

const compiled = new Map(routeNames.map((name) => [name, segmentsOf(routes[name].path)]))

/** A request path read against the table: which route, with its parameters as sent. */
export type RouteMatch = { name: RouteName; route: Route; params: Record<string, string> }

/**
 * The routes among `names` whose path pattern `path` (without its query) has the shape of,
 * whatever their method; a literal segment wins over a parameter (`/models/train` is no model
 * id). Parameters are not checked here: `readParams` does that.
 */
export function routesAt(path: string, names: readonly RouteName[] = routeNames): RouteMatch[] {
  const parts = path.split('/').slice(1)
  const matches = names.flatMap((name) => {
    const segments = compiled.get(name)!
    if (segments.length !== parts.length) return []
    const params: Record<string, string> = {}
    let literals = 0
    for (const [index, segment] of segments.entries()) {
      const part = parts[index]!
      if ('literal' in segment) {
        if (segment.literal !== part) return []
        literals++
      } else {
        if (!part) return []
        params[segment.param] = part
      }
    }
    return [{ name, route: routes[name], params, literals }]
  })
  const most = Math.max(0, ...matches.map((match) => match.literals))
  return matches
    .filter((match) => match.literals === most)
    .map(({ name, route, params }) => ({ name, route, params }))
}

/** The route that `method path` names among `names`, if any. */
export function matchRoute(
  method: string,
  path: string,
  names: readonly RouteName[] = routeNames,
): RouteMatch | undefined {
  return routesAt(path, names).find((match) => match.route.method === method)
}

/** The methods a path takes among `names` (for `Allow`), in the table's order. */
export function methodsAt(path: string, names: readonly RouteName[] = routeNames): Method[] {
  return [...new Set(routesAt(path, names).map((match) => match.route.method))]
}

/**
 * The parameters of a matched route, each checked against its kind (ids lower-cased, as the
 * service writes them), or the first that is not what its kind allows, in the service's words
 * (`Invalid model id`).
 */
export function readParams(
  match: RouteMatch,
): { params: Record<string, string> } | { refusal: string } {
  const params: Record<string, string> = {}
  for (const segment of compiled.get(match.name)!) {
    if (!('param' in segment)) continue
    const value = match.params[segment.param] ?? ''
    const kind = valueKinds[segment.kind]
    if (!kind.pattern.test(value)) return { refusal: `Invalid ${kind.name}` }
    params[segment.param] = kind.pattern === uuidPattern ? value.toLowerCase() : value
  }
  return { params }
}

/**
 * The route's own query parameters out of `search`, checked: anything else in the query is
 * dropped. A value its kind does not allow is refused, in words (`Invalid checkpoint name`).
 */
export function readQuery(
  route: Route,
  search: URLSearchParams,
): { query: Record<string, string> } | { refusal: string } {
  const query: Record<string, string> = {}
  for (const [name, kindName] of Object.entries('query' in route ? route.query : {})) {
    const value = search.get(name)
    if (value === null) continue
    const kind = valueKinds[kindName]
    if (!kind.pattern.test(value)) {
      return { refusal: name === kindName ? `Invalid ${kind.name}` : `Invalid ${name}` }
    }
    query[name] = value
  }
  return { query }
}

/** A route as people read it: `GET /models/{modelId}`. */
export function describeRoute(route: Route, prefix = ''): string {
  return `${route.method} ${prefix}${route.path.replace(/:(\w+)/g, '{$1}')}`
}
