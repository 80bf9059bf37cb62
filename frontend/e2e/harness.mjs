// Test harness: starts the real Go binary on a free port with a temp database,
// waits for /readyz, launches Debian's Chromium (its headless shell) through playwright-core, and
// tears both down. WENMING_BIN overrides the binary path; WENMING_URL points
// the tests at a server that is already running (nothing is started then).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'

export const root = resolve(import.meta.dirname, '..')
export const outDir = join(root, 'test-output')
export const shotDir = join(outDir, 'screenshots')
mkdirSync(shotDir, { recursive: true })

/**
 * The browser: Debian's chromium-headless-shell where installed (scripts/ensure-chromium.sh installs it), else its
 * chromium. The shell is the same Blink without the full browser around it: the browser tests took 232–248
 * core-seconds on it (127–135 s) against 325–343 on chromium (173–181 s). CHROMIUM_PATH overrides.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => existsSync(p)) ?? '/usr/bin/chromium'

/** Password of the first admin of every server the harness starts (WENMING_ADMIN_PASSWORD). */
export const ADMIN_PASSWORD = process.env.WENMING_ADMIN_PASSWORD || 'e2e-admin-pass-1'
// --process-per-site: every page of the server shares one renderer, as long as one stays open (see contextDefaults).
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--process-per-site',
]

/**
 * Make every context the browser opens keep one page on the server open (its /readyz), so that the pages a test opens
 * after join a renderer that is already running. A page that starts a renderer of its own costs chromium about
 * 1.6 core-seconds for the overview; one that joins a running renderer about 0.8, the browser tests' largest single cost.
 * The keeper is a plain-text page: it runs none of the app, so it holds no socket and answers no broadcast.
 *
 * A context also asks for reduced motion unless the test chooses (reducedMotion: 'no-preference' in its options): the
 * charts then draw at once instead of animating for 300 ms, which the tests would wait out before each screenshot. The
 * dashboard's own tests keep the animation, and check both.
 */
function contextDefaults(browser, base) {
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (options = {}) => {
    const ctx = await newContext({ reducedMotion: 'reduce', ...options })
    const keeper = await ctx.newPage()
    await keeper.goto(base + '/readyz')
    return ctx
  }
  return browser
}

/**
 * A database seeded once per run for the servers the harness starts, so that each opens a copy (0.01 core-seconds)
 * instead of seeding its own (0.55, twenty servers a run). The first start() of the run to need it makes it under a lock
 * directory while the others wait; a run is the test runner that started this file (its parent process), and its
 * template also belongs to the binary, the password, the flags and the day, from which the demo's reporting window
 * counts. Returns the template's path, or undefined when it could not be made: the server then seeds itself.
 */
async function seededTemplate(bin, flags) {
  const st = statSync(bin)
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) // China's date, as the seed counts it
  let run = String(process.ppid)
  try {
    run += ':' + readFileSync(`/proc/${process.ppid}/stat`, 'utf8').split(') ')[1].split(' ')[19] // the parent's start time
  } catch {
    // no /proc: the parent's pid alone names the run
  }
  const key = createHash('sha256').update(JSON.stringify([run, bin, st.ino, st.size, st.mtimeMs, ADMIN_PASSWORD, flags, day])).digest('hex').slice(0, 16)
  const prefix = 'wenming-e2e-template-'
  const dir = join(tmpdir(), prefix + key)
  const db = join(dir, 'test.db')
  const lock = dir + '.lock'
  const deadline = Date.now() + 60_000
  while (!existsSync(db)) {
    try {
      mkdirSync(lock)
    } catch (e) {
      if (e.code !== 'EEXIST') return undefined
      // Another test file is making it; a lock a minute old was left by a maker that was killed.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > 60_000) rmSync(lock, { recursive: true, force: true })
      if (Date.now() > deadline) return undefined
      await new Promise((r) => setTimeout(r, 50))
      continue
    }
    try {
      if (!existsSync(db)) await makeTemplate(bin, flags, dir)
    } catch {
      if (!existsSync(db)) return undefined // else another maker, past a stale lock, finished first
    } finally {
      rmSync(lock, { recursive: true, force: true })
    }
    // Other runs' templates are of no further use once a run's time has passed: a browser run takes minutes.
    for (const old of readdirSync(tmpdir())) {
      if (!old.startsWith(prefix) || old.startsWith(prefix + key)) continue
      const p = join(tmpdir(), old)
      if (Date.now() - (statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 3_600_000) rmSync(p, { recursive: true, force: true })
    }
  }
  return db
}

/** Start the binary with the harness's admin password, collecting what it prints into logs. */
function spawnServer(bin, args, logs) {
  const proc = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WENMING_ADMIN_PASSWORD: ADMIN_PASSWORD } })
  proc.stdout.on('data', (d) => logs.push(String(d)))
  proc.stderr.on('data', (d) => logs.push(String(d)))
  return proc
}

/** Seed a database into dir with a server of its own that then stops cleanly, leaving one file and no write-ahead log. */
async function makeTemplate(bin, flags, dir) {
  const making = mkdtempSync(dir + '.making-')
  try {
    const db = join(making, 'test.db')
    const logs = []
    const proc = spawnServer(bin, ['serve', '--addr', '127.0.0.1:0', '--db', db, ...flags], logs)
    const exited = new Promise((r) => proc.once('exit', (code, signal) => r(code ?? signal)))
    try {
      await until(() => {
        if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`)
        return /msg=listening/.test(logs.join(''))
      }, { timeout: 90_000, interval: 50, message: 'the template server to listen' })
    } finally {
      proc.kill('SIGTERM')
    }
    if ((await exited) !== 0) throw new Error(`template server ended with ${await exited}`)
    if (existsSync(db + '-wal') || existsSync(db + '-shm')) throw new Error('template database was not closed cleanly')
    renameSync(making, dir)
  } finally {
    rmSync(making, { recursive: true, force: true })
  }
}

async function waitReady(base, proc, timeoutMs = 90_000) {
  let last = ''
  const up = await until(async () => {
    if (proc && proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`)
    try {
      const r = await fetch(base + '/readyz')
      last = `HTTP ${r.status}`
      return r.status === 200
    } catch (e) {
      last = e.message
      return false
    }
  }, { timeout: timeoutMs, interval: 250 }).then(() => true, (e) => {
    if (/server exited/.test(e.message)) throw e
    return false
  })
  if (!up) throw new Error(`server not ready at ${base}/readyz: ${last}`)
}

/**
 * Start the server (unless WENMING_URL) and the browser. The server gets a temp database (a copy of the run's seeded
 * template when it could be made, else seeded by the server itself, with the same data either way), the admin password
 * ADMIN_PASSWORD and --anonymous-read (pass { anonymousRead: false } for a server that requires sign-in).
 */
export async function start({ anonymousRead = true } = {}) {
  let base = anonymousRead ? process.env.WENMING_URL : undefined
  let proc
  let dir
  const logs = []
  // The browser starts while the server seeds its database: each takes about a second, mostly on its own core.
  const launching = chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  launching.catch(() => {}) // its failure is reported where it is awaited
  try {
    if (!base) {
      const bin = resolve(root, process.env.WENMING_BIN ?? '../bin/wenming')
      if (!existsSync(bin)) throw new Error(`server binary not found at ${bin} (build it, or set WENMING_BIN / WENMING_URL)`)
      dir = mkdtempSync(join(tmpdir(), 'wenming-e2e-'))
      const extra = (process.env.WENMING_ARGS ?? '').split(' ').filter(Boolean)
      const template = await seededTemplate(bin, extra)
      if (template) copyFileSync(template, join(dir, 'test.db'))
      // Port 0: the server binds a port the kernel picks and logs its URL. A port picked here and handed over could be
      // taken meanwhile by one of the browsers' outgoing connections, which draw from the same range.
      const flags = ['serve', '--addr', '127.0.0.1:0', '--db', join(dir, 'test.db'), ...(anonymousRead ? ['--anonymous-read'] : []), ...extra]
      proc = spawnServer(bin, flags, logs)
      base = await until(
        () => {
          if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`)
          return /msg=listening url=(http:\/\/127\.0\.0\.1:\d+)/.exec(logs.join(''))?.[1]
        },
        { timeout: 90_000, interval: 50, message: 'the server to log the URL it listens on' },
      )
    }
    await waitReady(base, proc)
  } catch (e) {
    proc?.kill('SIGKILL')
    await launching.then((b) => b.close()).catch(() => {})
    throw new Error(`${e.message}\n--- server log ---\n${logs.join('').slice(-4000)}`, { cause: e })
  }
  const browser = contextDefaults(await launching, base)
  return {
    base,
    browser,
    logs,
    async stop() {
      await browser.close().catch(() => {})
      if (proc && proc.exitCode === null) {
        proc.kill('SIGTERM')
        await new Promise((r) => {
          const t = setTimeout(() => {
            proc.kill('SIGKILL')
            r()
          }, 5000)
          proc.once('exit', () => {
            clearTimeout(t)
            r()
          })
        })
      }
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** POST a query straight to the API (the tests' source of truth); `cookie` acts as a signed-in user. */
export async function api(base, query, variables = {}, cookie) {
  const r = await fetch(base + '/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const body = await r.json()
  if (body.errors) throw new Error(JSON.stringify(body.errors))
  return body.data
}

/** Sign in through POST /auth/login and return the session cookie ("wenming_session=…"). */
export async function signIn(base, username = 'admin', password = ADMIN_PASSWORD) {
  const r = await fetch(base + '/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!r.ok) throw new Error(`sign-in as ${username}: HTTP ${r.status} ${await r.text()}`)
  return r.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('wenming_session='))
}

/** A page that records console errors, page errors and failed requests. */
export async function openPage(ctx) {
  const page = await ctx.newPage()
  const problems = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('requestfailed', (r) => {
    const f = r.failure()?.errorText ?? ''
    if (!/ERR_ABORTED/.test(f)) problems.push(`requestfailed: ${r.url()} ${f}`)
  })
  return { page, problems }
}

/** Wait until every chart on the page is drawn or shows a designed state. */
export async function settle(page, timeout = 20_000) {
  await page.waitForSelector('[data-page]', { timeout })
  await page.waitForFunction(
    () => {
      const panels = [...document.querySelectorAll('figure[data-chart]')]
      if (!panels.length) return false
      return panels.every((p) => {
        const c = p.querySelector('.chart')
        const s = p.querySelector('.state-box')
        return (c && c.getAttribute('data-ready') === '1') || (s && s.getAttribute('data-state') !== 'loading')
      }) && !document.querySelector('.state-box[data-state="loading"]')
    },
    null,
    { timeout },
  )
}

/** Per-chart facts: name, drawn?, series, points, state. */
export function chartFacts(page) {
  return page.$$eval('figure[data-chart]', (els) =>
    els.map((p) => {
      const c = p.querySelector('.chart')
      const s = p.querySelector('.state-box')
      return {
        name: p.getAttribute('data-chart'),
        ready: c?.getAttribute('data-ready') === '1',
        series: Number(c?.getAttribute('data-series') ?? 0),
        points: Number(c?.getAttribute('data-points') ?? 0),
        state: s?.getAttribute('data-state') ?? null,
        renderer: c?.querySelector('svg') ? 'svg' : c?.querySelector('canvas') ? 'canvas' : null,
      }
    }),
  )
}

/** Parse the text of a formatted figure back to a number (3500余, 2.9万, 1.64 million, 3,500+). */
export function parseFigure(text) {
  const t = text.replace(/[,\s]/g, '').replace(/^约|^about/, '')
  const m = /^(-?\d+(?:\.\d+)?)(亿|万|billion|million)?/.exec(t)
  if (!m) return NaN
  const mult = { 亿: 1e8, 万: 1e4, billion: 1e9, million: 1e6 }[m[2]] ?? 1
  return Math.round(Number(m[1]) * mult * 1e6) / 1e6
}

/** Bytes of a download. */
export async function downloadBytes(download) {
  const stream = await download.createReadStream()
  const chunks = []
  for await (const c of stream) chunks.push(c)
  return Buffer.concat(chunks)
}

/**
 * Wait until check() (sync or async) returns something truthy, and return it. For conditions outside the page,
 * such as the API's answer; conditions in the page use page.waitForFunction. Fails after timeout ms.
 */
export async function until(check, { timeout = 10_000, interval = 100, message = 'condition' } = {}) {
  const end = Date.now() + timeout
  for (;;) {
    const v = await check()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${message}`)
    await new Promise((r) => setTimeout(r, interval))
  }
}

/** Wait until an admin-area page has rendered and no designed loading state remains. */
export async function ready(page, name) {
  await page.waitForSelector(`[data-page="${name}"]`, { timeout: 20_000 })
  await page.waitForFunction(() => !document.querySelector('.state-box[data-state="loading"]'), null, { timeout: 20_000 })
}

/** Wait until every drawn chart has finished its animation (data-idle) and no CSS animation is running. */
export async function idle(page, timeout = 10_000) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.chart[data-ready="1"]')].every((c) => c.offsetParent === null || c.getAttribute('data-idle') === '1') &&
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    null,
    { timeout },
  )
  await page.evaluate(() => document.fonts.ready)
}

/** A screenshot into shotDir once the page is idle. */
/** Where a picture for docs/ goes: docs/ itself when WENMING_DOCS_SHOTS=1 (re-taking the documentation's pictures),
 * else the test output, so that a test run leaves the tree as it found it. */
export const docShot = (name) => (process.env.WENMING_DOCS_SHOTS === '1' ? join(root, '..', 'docs', name) : join(shotDir, name))

export async function shot(page, name, fullPage = true) {
  await idle(page)
  await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage })
}

/** Wait until the page's live-update socket is connected. */
export async function waitLive(page) {
  await page.waitForSelector('[data-live="live"]', { timeout: 15_000 })
}

/** Choose a unit in a UnitPicker by typing its name and clicking its option. */
export async function pickUnit(page, inputId, name) {
  await page.fill(`#${inputId}`, name)
  const opt = page.locator(`[role="option"][data-unit="${name}"]`)
  await opt.waitFor()
  await opt.click()
  if ((await page.inputValue(`#${inputId}`)) !== name) throw new Error(`unit picker #${inputId} shows ${await page.inputValue(`#${inputId}`)}, not ${name}`)
}
