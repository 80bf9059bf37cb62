import { firstLang } from './lang-boot'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { bindLoginRedirect } from './lib/auth'
import { setLang } from './lib/i18n'
import { bindRouter, syncLang } from './lib/state'
import { prefetchOverview } from './lib/overviewPrefetch'
import './style.css'

prefetchOverview(new URL(location.href))
bindRouter(router)
bindLoginRedirect(
  (path) => void router.replace(path),
  () => router.currentRoute.value.fullPath,
)
router.afterEach((to) => syncLang(to.query))
// Mount once the first language's labels are here (English is a separate chunk), so nothing flashes in Chinese.
setLang(firstLang)
  .catch(() => undefined)
  .finally(() => createApp(App).use(router).mount('#app'))
