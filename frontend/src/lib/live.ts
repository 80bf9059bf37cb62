// Live updates: a small graphql-transport-ws client for the dataChanged
// subscription, with reconnect and exponential backoff. The WebSocket
// constructor and the timers are injectable so that the reconnect logic is
// tested without a network (test/live.test.ts).
import { DataChangedDocument, type DataChangedSubscription } from '../gql/DataChanged'

/** 'signedOut': the server closed the socket because the session or token ended (4401) or lost its rights (4403);
 * the client stops reconnecting until it is started again after a sign-in. */
export type LiveStatus = 'connecting' | 'live' | 'offline' | 'signedOut'

/** Close codes with which the server ends a socket whose caller may no longer read: no reconnect helps. */
export const SIGNED_OUT_CODES = [4401, 4403]

/** Delay before reconnect attempt n (0-based): base·2ⁿ capped at max, ± jitter. */
export function backoffDelay(
  attempt: number,
  opts: { base?: number; max?: number; jitter?: number; random?: () => number } = {},
): number {
  const { base = 1000, max = 30_000, jitter = 0.2, random = Math.random } = opts
  const raw = Math.min(max, base * 2 ** Math.max(0, attempt))
  const j = raw * jitter * (random() * 2 - 1)
  return Math.max(0, Math.round(Math.min(max, raw + j)))
}

/** The subscription sent, from the generated document (src/graphql/DataChanged.graphql). */
export const DATA_CHANGED = DataChangedDocument.toString()

interface WsLike {
  readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: ((ev: unknown) => void) | null
  onmessage: ((ev: { data: unknown }) => void) | null
  onclose: ((ev: { code: number }) => void) | null
  onerror: ((ev: unknown) => void) | null
}
export type WsFactory = (url: string, protocol: string) => WsLike

export interface LiveOptions {
  url: string
  onVersion: (version: number) => void
  onStatus?: (status: LiveStatus, retryInMs?: number) => void
  ws?: WsFactory
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (t: unknown) => void
  backoff?: (attempt: number) => number
  ackTimeoutMs?: number
  query?: string
}

const CONNECTING = 0
const OPEN = 1

export class LiveClient {
  private sock: WsLike | undefined
  private attempt = 0
  private timer: unknown
  private ackTimer: unknown
  private stopped = true
  private live = false
  private readonly o: Required<Omit<LiveOptions, 'onStatus'>> & Pick<LiveOptions, 'onStatus'>

  constructor(opts: LiveOptions) {
    this.o = {
      ws: (u, p) => new WebSocket(u, p) as unknown as WsLike,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
      backoff: (n) => backoffDelay(n),
      ackTimeoutMs: 10_000,
      query: DATA_CHANGED,
      ...opts,
    }
  }

  /** Attempts made since the last successful subscription. */
  get attempts() {
    return this.attempt
  }

  start() {
    if (!this.stopped) return
    this.stopped = false
    this.connect()
  }

  stop() {
    this.stopped = true
    this.o.clearTimer(this.timer)
    this.o.clearTimer(this.ackTimer)
    this.drop()
  }

  /** Reconnect now (new credentials, or the browser came back online). */
  restart() {
    this.stop()
    this.attempt = 0
    this.start()
  }

  private drop() {
    const s = this.sock
    this.sock = undefined
    if (!s) return
    s.onmessage = s.onerror = null
    s.onclose = null
    // Closing a socket that is still connecting makes the browser log an error; close it once it opens.
    if (s.readyState === CONNECTING) s.onopen = () => s.close(1000)
    else if (s.readyState === OPEN) s.close(1000)
  }

  private connect() {
    if (this.stopped) return
    this.live = false
    this.o.onStatus?.('connecting')
    let s: WsLike
    try {
      s = this.o.ws(this.o.url, 'graphql-transport-ws')
    } catch {
      this.retry()
      return
    }
    this.sock = s
    s.onopen = () => {
      s.send(JSON.stringify({ type: 'connection_init', payload: {} }))
      this.ackTimer = this.o.setTimer(() => this.fail(), this.o.ackTimeoutMs)
    }
    s.onmessage = (ev) => {
      let m: { type?: string; id?: string; payload?: { data?: Partial<DataChangedSubscription> } }
      try {
        m = JSON.parse(String(ev.data))
      } catch {
        return
      }
      switch (m.type) {
        case 'connection_ack':
          this.o.clearTimer(this.ackTimer)
          s.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: this.o.query } }))
          break
        case 'ping':
          s.send(JSON.stringify({ type: 'pong' }))
          break
        case 'next': {
          const v = m.payload?.data?.dataChanged?.version
          if (typeof v === 'number') {
            if (!this.live) this.o.onStatus?.('live')
            this.live = true
            this.attempt = 0
            this.o.onVersion(v)
          }
          break
        }
        case 'error':
        case 'complete':
          this.fail()
          break
      }
    }
    s.onerror = () => {}
    s.onclose = (ev) => {
      if (this.sock !== s) return
      if (SIGNED_OUT_CODES.includes(ev?.code)) this.signedOut()
      else this.fail()
    }
  }

  /** Stop for good: a reconnect would only be refused again. start() or restart() after a sign-in resumes. */
  private signedOut() {
    this.stop()
    this.live = false
    this.o.onStatus?.('signedOut')
  }

  private fail() {
    this.o.clearTimer(this.ackTimer)
    this.drop()
    this.live = false
    this.retry()
  }

  private retry() {
    if (this.stopped) return
    const ms = this.o.backoff(this.attempt++)
    this.o.onStatus?.('offline', ms)
    this.o.clearTimer(this.timer)
    this.timer = this.o.setTimer(() => this.connect(), ms)
  }
}
