import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

import type { RouteName } from '../../common/routes'
import type { AccountState } from './account-state'
import type { PresignedLinks } from './files/presigned-links'
import type { Simulation } from './simulate'

/** What every group of route handlers works with. */
export type EmulatorContext = {
  state: AccountState
  tasks: Simulation
  links: PresignedLinks
  /** A JSON answer in the emulator's envelope (bare, or wrapped as the docs show it). */
  send: (c: Context, status: ContentfulStatusCode, body: unknown) => Response
  /** A list answer, `{[key]: items}`, in the envelope. */
  sendList: (c: Context, key: string, items: unknown[]) => Response
}

/** A request's path parameters and query values, each checked against its kind already. */
export type RouteRequest = { params: Record<string, string>; query: Record<string, string> }

export type Handler = (c: Context, request: RouteRequest) => Response | Promise<Response>

/** Handlers for exactly these routes of the table. */
export type Handlers<Names extends RouteName> = { [Name in Names]: Handler }
