// Runs before the router module is evaluated (main.ts imports it first): createWebHistory reads the URL when it is
// created, so the remembered language must be in ?lang= by then. The URL stays the one place the language lives.
import { initialLang } from './lib/i18n'

/** The language of this first load: ?lang=, else the one the reader chose last time, else Chinese. */
export const firstLang = initialLang(location.search)
if (firstLang === 'en' && new URLSearchParams(location.search).get('lang') !== 'en') {
  const u = new URL(location.href)
  u.searchParams.set('lang', 'en')
  history.replaceState(history.state, '', u)
}
