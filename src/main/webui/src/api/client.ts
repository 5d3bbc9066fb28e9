// The one API client of every page. Each call names an operationId of openapi/openapi.json; its
// path, query and body are type-checked against the generated schema (npm run check), and the
// ContractCoverageTest finds the operationIds a person performs in these sources.
import type { operations, components } from './generated/schema'
import { OPERATIONS } from './generated/operations'
import { session } from './session'
import { currentLocale } from '../i18n'
import { saveBlob } from '../shared/csv'

export type Op = keyof operations & keyof typeof OPERATIONS
export type Schemas = components['schemas']

type Params<K extends Op> = operations[K] extends { parameters: infer P } ? P : never
type PathOf<K extends Op> = Params<K> extends { path: infer P } ? P : never
type QueryOf<K extends Op> = Params<K> extends { query?: infer Q } ? Q : never
type JsonBody<K extends Op> = operations[K] extends { requestBody: { content: { 'application/json': infer B } } } ? B
  : operations[K] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never
type Ok<R> = R extends { 200: { content: { 'application/json': infer B } } } ? B
  : R extends { 201: { content: { 'application/json': infer B } } } ? B
  : R extends { 202: { content: { 'application/json': infer B } } } ? B : unknown
export type Result<K extends Op> = Ok<operations[K]['responses']>

export interface Args<K extends Op> {
  path?: PathOf<K>
  query?: QueryOf<K>
  body?: JsonBody<K>
  /** a file's bytes (roster import, evidence upload) instead of a JSON body */
  file?: Blob
  headers?: Record<string, string>
}

/** A refusal of the service (problem+json): `detail` is in words, `code` is for programs only. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly detail: string,
    readonly errors: { field?: string; message?: string; row?: number; value?: string }[] = [],
  ) {
    super(detail)
  }
}

/** Every caller's address: the operation's path with its parameters filled in, and the query. */
export function url<K extends Op>(op: K, args: Args<K> = {}): string {
  const spec = OPERATIONS[op]
  let p: string = spec.path
  for (const [k, v] of Object.entries((args.path ?? {}) as Record<string, unknown>)) {
    p = p.replace('{' + k + '}', encodeURIComponent(String(v)))
  }
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries((args.query ?? {}) as Record<string, unknown>)) {
    if (v === undefined || v === null || v === '') continue
    if (Array.isArray(v)) v.forEach((x) => q.append(k, String(x)))
    else q.append(k, String(v))
  }
  const qs = q.toString()
  return qs ? p + '?' + qs : p
}

function headersFor(extra?: Record<string, string>): Record<string, string> {
  const h: Record<string, string> = { 'Accept-Language': currentLocale() === 'en' ? 'en' : 'zh-CN', ...extra }
  if (session.token) h.Authorization = 'Bearer ' + session.token
  return h
}

async function send<K extends Op>(op: K, args: Args<K>): Promise<Response> {
  const spec = OPERATIONS[op]
  const init: RequestInit = { method: spec.method, headers: headersFor(args.headers) }
  if (args.file) {
    init.body = args.file
    ;(init.headers as Record<string, string>)['Content-Type'] = args.file.type || 'application/octet-stream'
  } else if (args.body !== undefined) {
    init.body = JSON.stringify(args.body)
    ;(init.headers as Record<string, string>)['Content-Type'] = 'application/json'
  }
  let res: Response
  try {
    res = await fetch(url(op, args), init)
  } catch {
    throw new ApiError(0, 'NETWORK', currentLocale() === 'en' ? 'The network is down; try again.' : '网络中断，请稍后重试。')
  }
  if (!res.ok) throw await problem(res)
  return res
}

async function problem(res: Response): Promise<ApiError> {
  if (res.status === 401) session.expired()
  try {
    const p = await res.json()
    return new ApiError(res.status, p.code, p.detail || p.title || String(res.status), p.errors ?? [])
  } catch {
    const en = currentLocale() === 'en'
    return new ApiError(res.status, undefined, en ? `The service refused (${res.status}).` : `服务拒绝了请求（${res.status}）。`)
  }
}

/** Calls an operation and returns its JSON answer. */
export async function call<K extends Op>(op: K, args: Args<K> = {}): Promise<Result<K>> {
  const res = await send(op, args)
  if (res.status === 204) return undefined as Result<K>
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as Result<K>
}

/** Calls an operation that answers a file (PDF, CSV, JSON export) and saves it under the given name. */
export async function download<K extends Op>(op: K, args: Args<K>, filename: string): Promise<void> {
  const res = await send(op, args)
  saveBlob(await res.blob(), filename)
}

/** Calls an operation that answers a file and returns it, e.g. to show an image. */
export async function blob<K extends Op>(op: K, args: Args<K>): Promise<Blob> {
  return (await send(op, args)).blob()
}

/**
 * Follows a Server-Sent Events operation over fetch (an EventSource cannot send the token),
 * reconnecting with back-off; `onState` tells whether the stream is up. Returns a stop function.
 */
export function follow<K extends Op>(op: K, args: Args<K>, onEvent: (data: any) => void,
  onState: (up: boolean) => void = () => {}): () => void {
  let stopped = false
  let ctrl: AbortController | undefined
  let delay = 1000
  const run = async () => {
    while (!stopped) {
      ctrl = new AbortController()
      try {
        const res = await fetch(url(op, args), { headers: { ...headersFor(), Accept: 'text/event-stream' }, signal: ctrl.signal })
        if (!res.ok || !res.body) throw await problem(res)
        onState(true)
        delay = 1000
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
        let buf = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buf += value
          let i
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const chunk = buf.slice(0, i)
            buf = buf.slice(i + 2)
            const data = chunk.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n')
            if (data) onEvent(JSON.parse(data))
          }
        }
      } catch (e) {
        if (stopped) return
        if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429) {
          onState(false)
          return
        }
      }
      if (stopped) return
      onState(false)
      await new Promise((r) => setTimeout(r, delay))
      delay = Math.min(delay * 2, 10_000)
    }
  }
  run()
  return () => {
    stopped = true
    ctrl?.abort()
  }
}
