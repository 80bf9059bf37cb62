import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { bindLoginRedirect } from './lib/auth'
import { bindRouter, syncLang } from './lib/state'
import './style.css'

bindRouter(router)
bindLoginRedirect(
  (path) => void router.replace(path),
  () => router.currentRoute.value.fullPath,
)
router.afterEach((to) => syncLang(to.query))
createApp(App).use(router).mount('#app')
