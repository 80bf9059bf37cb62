// Setup file of the mounted form tests (vite.config.ts, project "components"): the files share their modules, so the
// cleanup after each test is registered here, once per file, rather than by the support module, evaluated only once.
import { afterEach } from 'vitest'
import { cleanup } from './support'

afterEach(cleanup)
