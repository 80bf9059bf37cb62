import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { bindRouter, syncLang } from './lib/state'
import './style.css'

bindRouter(router)
router.afterEach((to) => syncLang(to.query))
createApp(App).use(router).mount('#app')
