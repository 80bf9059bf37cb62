// The app's one live connection: dataChanged versions bump the refresh tick,
// so every query on the page (and the demo badge's dataset) refetches.
import { ref } from 'vue'
import { dataset } from './dataset'
import { LiveClient, type LiveStatus } from './live'
import { refreshTick } from './state'

export const liveStatus = ref<LiveStatus>('connecting')
export const liveVersion = ref<number>()
export const liveRetryMs = ref(0)
/** How many refreshes live updates caused (for tests and the indicator's title). */
export const liveRefreshes = ref(0)

let client: LiveClient | undefined

function onVersion(v: number) {
  const prev = liveVersion.value ?? dataset.value?.version
  liveVersion.value = v
  if (prev !== undefined && prev !== v) {
    liveRefreshes.value++
    refreshTick.value++
  }
}

export function startLive() {
  if (client) return client.restart()
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`
  client = new LiveClient({
    url,
    onVersion,
    onStatus: (s, ms) => {
      liveStatus.value = s
      liveRetryMs.value = ms ?? 0
    },
  })
  client.start()
  window.addEventListener('online', () => client?.restart())
}

export function stopLive() {
  client?.stop()
  liveStatus.value = 'offline'
}
