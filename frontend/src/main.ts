import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { bindLoginRedirect } from './lib/auth'
import { initialLang, setLang } from './lib/i18n'
import { bindRouter, syncLang } from './lib/state'
import './style.css'

// The remembered language applies to a bare URL: put it into ?lang= before the router reads the URL, so that
// the URL stays the one place the view's language lives.
const first = initialLang(location.search)
if (first === 'en' && new URLSearchParams(location.search).get('lang') !== 'en') {
  const u = new URL(location.href)
  u.searchParams.set('lang', 'en')
  history.replaceState(history.state, '', u)
}

bindRouter(router)
bindLoginRedirect(
  (path) => void router.replace(path),
  () => router.currentRoute.value.fullPath,
)
router.afterEach((to) => syncLang(to.query))
// Mount once the first language's labels are here (English is a separate chunk), so nothing flashes in Chinese.
setLang(first)
  .catch(() => undefined)
  .finally(() => createApp(App).use(router).mount('#app'))
