// Dataset facts (demo records, version, years covered), loaded once by App and
// refreshed with the big-screen tick.
import { shallowRef } from 'vue'

export interface DatasetInfo {
  hasDemo: boolean
  demoRecords: number
  version: number
  firstYear: number
  lastYear: number
}

export const dataset = shallowRef<DatasetInfo>()
