// The big screen (?screen=1): a 1920×1080 stage scaled to the display, the page shrunk to fit the stage, pages
// rotating every ?rotate= seconds (30, at least 5) with the seconds left on show and a pause, data refreshing every
// ?refresh= seconds (60, at least 10), a clock, and a 退出 button (or Escape) to leave. App.vue calls it once; it starts and stops with ?screen.
import { computed, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { lang } from '../lib/i18n'
import { globalQuery, queryString, refreshTick, screen, setQuery } from '../lib/state'

/** The stage's design size, which the big-screen layout is drawn for. */
export const STAGE = { width: 1920, height: 1080 }

/** Scale and offset that fit the stage into a viewport, centred (letterboxed). */
export function fitStage(viewWidth: number, viewHeight: number) {
  const scale = Math.min(viewWidth / STAGE.width, viewHeight / STAGE.height)
  return { scale, x: (viewWidth - STAGE.width * scale) / 2, y: (viewHeight - STAGE.height * scale) / 2 }
}

/** A whole number of seconds from the query, or the default when missing or below the minimum. */
export function secondsFrom(raw: string | undefined, def: number, min: number): number {
  const n = Number(raw)
  return raw !== undefined && raw !== '' && Number.isFinite(n) && n >= min ? n : def
}

/**
 * Run the big screen for the app: pages is the rotation order, mainEl the element whose first child is the
 * page (shrunk to fit the stage when taller).
 */
export function useBigScreen(pages: readonly { name: string; path: string }[], mainEl: Ref<HTMLElement | undefined>) {
  const route = useRoute()
  const router = useRouter()
  const stage = ref(fitStage(STAGE.width, STAGE.height))
  const clock = ref('')
  /** Seconds until the next page, and whether the rotation is paused (the page indicator shows both). */
  const secondsLeft = ref(0)
  const paused = ref(false)
  let rotateSeconds = 30
  let deadline = 0
  const timers: number[] = []
  let resizeTimer: number | undefined

  const fit = () => {
    stage.value = fitStage(window.innerWidth, window.innerHeight)
  }
  const onResize = () => {
    clearTimeout(resizeTimer)
    resizeTimer = window.setTimeout(fit, 120)
  }

  /** Shrink the page to fit the stage when its content is taller. */
  function fitPage() {
    const main = mainEl.value
    const page = main?.firstElementChild as HTMLElement | null
    if (!main || !page) return
    if (!screen.value) {
      page.style.transform = ''
      return
    }
    const k = Math.min(1, (main.clientHeight - 28) / page.scrollHeight)
    page.style.transformOrigin = 'top center'
    page.style.transform = k < 0.999 ? `scale(${k.toFixed(3)})` : ''
  }

  function stop() {
    window.removeEventListener('resize', onResize)
    while (timers.length) clearInterval(timers.pop())
    fitPage()
  }

  function start() {
    stop()
    fit()
    window.addEventListener('resize', onResize)
    rotateSeconds = secondsFrom(queryString(route.query, 'rotate'), 30, 5)
    const refresh = secondsFrom(queryString(route.query, 'refresh'), 60, 10)
    deadline = Date.now() + rotateSeconds * 1000
    timers.push(window.setInterval(() => refreshTick.value++, refresh * 1000))
    const tick = () => {
      clock.value = new Date().toLocaleString(lang.value === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false })
      if (paused.value) return
      secondsLeft.value = Math.max(0, Math.ceil((deadline - Date.now()) / 1000))
      if (secondsLeft.value === 0) {
        deadline = Date.now() + rotateSeconds * 1000
        const i = pages.findIndex((p) => p.name === route.name)
        const next = pages[(i + 1) % pages.length]
        router.replace({ path: next.path, query: globalQuery(route.query) })
      }
    }
    tick()
    timers.push(window.setInterval(tick, 1000))
    timers.push(window.setInterval(fitPage, 500))
  }

  /** Leave the big screen for the ordinary page (the 退出 button and Escape). */
  function exit() {
    setQuery({ screen: undefined, rotate: undefined, refresh: undefined })
  }
  /** Hold the current page on screen, or let the rotation go on from where it stopped. */
  function togglePause() {
    if (paused.value) deadline = Date.now() + secondsLeft.value * 1000
    paused.value = !paused.value
  }
  const onKey = (e: KeyboardEvent) => {
    if (screen.value && e.key === 'Escape') exit()
  }
  // A page reached by hand (or by the rotation) gets its full time on screen.
  watch(
    () => route.path,
    () => {
      deadline = Date.now() + rotateSeconds * 1000
      secondsLeft.value = rotateSeconds
    },
  )
  /** The page on screen as its place in the rotation (1-based) and the number of pages. */
  const pagePosition = computed(() => ({ n: pages.findIndex((p) => p.name === route.name) + 1, of: pages.length }))

  watch(
    () => [screen.value, route.query.rotate, route.query.refresh],
    () => (screen.value ? start() : stop()),
  )
  onMounted(() => {
    if (screen.value) start()
    window.addEventListener('keydown', onKey)
  })
  onBeforeUnmount(() => {
    stop()
    window.removeEventListener('keydown', onKey)
  })

  const stageStyle = computed(() =>
    screen.value ? { transform: `translate(${stage.value.x}px, ${stage.value.y}px) scale(${stage.value.scale})` } : undefined,
  )
  return { clock, stageStyle, secondsLeft, paused, togglePause, exit, pagePosition }
}
