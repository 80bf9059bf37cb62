// The live-update client: graphql-transport-ws handshake, pings, versions, and
// reconnect with exponential backoff — against a fake socket and fake timers.
import { describe, expect, it } from 'vitest'
import { backoffDelay, DATA_CHANGED, LiveClient, type LiveStatus } from '../src/lib/live'

class FakeSocket {
  readyState = 0
  sent: unknown[] = []
  closed: number | undefined
  onopen: ((ev: unknown) => void) | null = null
  onmessage: ((ev: { data: unknown }) => void) | null = null
  onclose: ((ev: { code: number }) => void) | null = null
  onerror: ((ev: unknown) => void) | null = null
  constructor(public url: string, public protocol: string) {}
  send(d: string) {
    this.sent.push(JSON.parse(d))
  }
  close(code?: number) {
    this.closed = code ?? 1000
    this.readyState = 3
  }
  // server side
  open() {
    this.readyState = 1
    this.onopen?.({})
  }
  msg(m: object) {
    this.onmessage?.({ data: JSON.stringify(m) })
  }
  drop(code = 1006) {
    this.readyState = 3
    this.onclose?.({ code })
  }
}

function harness(opts: { backoff?: (n: number) => number } = {}) {
  const sockets: FakeSocket[] = []
  const timers: { fn: () => void; ms: number; id: number; cleared?: boolean }[] = []
  const versions: number[] = []
  const statuses: [LiveStatus, number | undefined][] = []
  let next = 1
  const client = new LiveClient({
    url: 'ws://x/graphql',
    onVersion: (v) => versions.push(v),
    onStatus: (s, ms) => statuses.push([s, ms]),
    ws: (u, p) => {
      const s = new FakeSocket(u, p)
      sockets.push(s)
      return s
    },
    setTimer: (fn, ms) => {
      const t = { fn, ms, id: next++ }
      timers.push(t)
      return t.id
    },
    clearTimer: (id) => {
      const t = timers.find((x) => x.id === id)
      if (t) t.cleared = true
    },
    backoff: opts.backoff ?? ((n) => 1000 * 2 ** n),
  })
  const pending = () => timers.filter((t) => !t.cleared)
  const fire = (ms: number) => {
    const t = pending().find((x) => x.ms === ms)
    if (!t) throw new Error(`no pending timer of ${ms} ms: ${JSON.stringify(pending().map((x) => x.ms))}`)
    t.cleared = true
    t.fn()
  }
  return { client, sockets, timers, versions, statuses, pending, fire }
}

function handshake(s: FakeSocket) {
  s.open()
  s.msg({ type: 'connection_ack' })
}

describe('backoffDelay', () => {
  it('doubles from the base up to the cap', () => {
    const d = (n: number) => backoffDelay(n, { random: () => 0.5 })
    expect([0, 1, 2, 3, 4, 5, 6].map(d)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000])
  })
  it('adds at most ±20 % jitter and never exceeds the cap', () => {
    expect(backoffDelay(2, { random: () => 0 })).toBe(3200)
    expect(backoffDelay(2, { random: () => 1 })).toBe(4800)
    expect(backoffDelay(10, { random: () => 1 })).toBe(30000)
    for (let n = 0; n < 20; n++) {
      const v = backoffDelay(n)
      expect(v).toBeGreaterThanOrEqual(0)
      expect(v).toBeLessThanOrEqual(30000)
    }
  })
})

describe('LiveClient', () => {
  it('speaks graphql-transport-ws: init, ack, subscribe, pong, next', () => {
    const h = harness()
    h.client.start()
    const s = h.sockets[0]
    expect(s.protocol).toBe('graphql-transport-ws')
    expect(s.url).toBe('ws://x/graphql')
    s.open()
    expect(s.sent).toEqual([{ type: 'connection_init', payload: {} }])
    s.msg({ type: 'connection_ack' })
    expect(s.sent[1]).toEqual({ id: '1', type: 'subscribe', payload: { query: DATA_CHANGED } })
    s.msg({ type: 'ping' })
    expect(s.sent[2]).toEqual({ type: 'pong' })
    s.msg({ id: '1', type: 'next', payload: { data: { dataChanged: { version: 7, at: 'x' } } } })
    s.msg({ id: '1', type: 'next', payload: { data: { dataChanged: { version: 8, at: 'y' } } } })
    expect(h.versions).toEqual([7, 8])
    expect(h.statuses.at(-1)?.[0]).toBe('live')
  })

  it('reconnects with growing delays, and resets them after a success', () => {
    const h = harness()
    h.client.start()
    h.sockets[0].drop()
    expect(h.statuses.at(-1)).toEqual(['offline', 1000])
    h.fire(1000)
    expect(h.sockets).toHaveLength(2)
    h.sockets[1].drop()
    expect(h.statuses.at(-1)).toEqual(['offline', 2000])
    h.fire(2000)
    h.sockets[2].drop()
    expect(h.statuses.at(-1)).toEqual(['offline', 4000])
    h.fire(4000)
    handshake(h.sockets[3])
    h.sockets[3].msg({ id: '1', type: 'next', payload: { data: { dataChanged: { version: 3 } } } })
    expect(h.client.attempts).toBe(0)
    h.sockets[3].drop()
    expect(h.statuses.at(-1)).toEqual(['offline', 1000])
  })

  it('treats a protocol error or complete as a dropped connection', () => {
    const h = harness()
    h.client.start()
    handshake(h.sockets[0])
    h.sockets[0].msg({ id: '1', type: 'error', payload: [{ message: 'no' }] })
    expect(h.sockets[0].closed).toBe(1000)
    expect(h.statuses.at(-1)?.[0]).toBe('offline')
    h.fire(1000)
    handshake(h.sockets[1])
    h.sockets[1].msg({ id: '1', type: 'complete' })
    expect(h.statuses.at(-1)).toEqual(['offline', 2000])
  })

  it('gives up on a server that never acknowledges', () => {
    const h = harness()
    h.client.start()
    h.sockets[0].open()
    h.fire(10_000)
    expect(h.sockets[0].closed).toBe(1000)
    expect(h.statuses.at(-1)).toEqual(['offline', 1000])
  })

  it('stop cancels the pending reconnect and closes quietly; restart connects at once', () => {
    const h = harness()
    h.client.start()
    h.sockets[0].drop()
    h.client.stop()
    expect(h.pending()).toHaveLength(0)
    h.client.restart()
    expect(h.sockets).toHaveLength(2)
    // Stopping while the socket is still connecting waits for it to open before closing (no browser error).
    h.client.stop()
    expect(h.sockets[1].closed).toBeUndefined()
    h.sockets[1].open()
    expect(h.sockets[1].closed).toBe(1000)
    expect(h.sockets[1].sent).toEqual([])
  })

  it('reports live again after a restart (new credentials)', () => {
    const h = harness()
    h.client.start()
    handshake(h.sockets[0])
    h.sockets[0].msg({ id: '1', type: 'next', payload: { data: { dataChanged: { version: 1 } } } })
    h.client.restart()
    expect(h.statuses.at(-1)?.[0]).toBe('connecting')
    handshake(h.sockets[1])
    h.sockets[1].msg({ id: '1', type: 'next', payload: { data: { dataChanged: { version: 1 } } } })
    expect(h.statuses.at(-1)?.[0]).toBe('live')
  })

  it('ignores junk frames and a late close of an old socket', () => {
    const h = harness()
    h.client.start()
    const first = h.sockets[0]
    handshake(first)
    first.onmessage?.({ data: 'not json' })
    h.client.restart()
    first.drop() // handlers were detached, so nothing happens
    expect(h.sockets).toHaveLength(2)
    expect(h.pending().filter((t) => t.ms !== 10_000)).toHaveLength(0)
  })
})

describe('LiveClient after the server signs the socket out', () => {
  for (const code of [4401, 4403]) {
    it(`stops reconnecting on close ${code} and says so`, () => {
      const h = harness()
      h.client.start()
      handshake(h.sockets[0])
      h.sockets[0].msg({ id: '1', type: 'next', payload: { data: { dataChanged: { version: 3 } } } })
      h.sockets[0].drop(code)
      expect(h.statuses.at(-1)).toEqual(['signedOut', undefined])
      expect(h.pending()).toHaveLength(0)
      expect(h.sockets).toHaveLength(1)
      // A sign-in starts it again.
      h.client.restart()
      expect(h.sockets).toHaveLength(2)
    })
  }
  it('still reconnects after an ordinary close', () => {
    const h = harness()
    h.client.start()
    handshake(h.sockets[0])
    h.sockets[0].drop(1006)
    expect(h.statuses.at(-1)).toEqual(['offline', 1000])
    h.fire(1000)
    expect(h.sockets).toHaveLength(2)
  })
})
