// Where a number of the report's summary leads: the metric expression the API gives it, read back into the
// drill-down the overview's charts open, or the page that shows a quantity without a record API.
import { describe, expect, it } from 'vitest'
import { summaryTarget } from '../src/lib/summaryDrill'

const f = (kpi: string, metric: string) => ({ kpi, metric, fromYear: 2021, toYear: 2022 })

describe('summaryTarget', () => {
  it('opens honours with the categories, statuses and years of the metric', () => {
    expect(summaryTarget(f('moral_models', 'honors:DIRECT_MORAL_MODEL,DIRECT_MORAL_MODEL_NOMINEE@AWARDED'), 'T')).toEqual({
      kind: 'honors',
      title: 'T',
      filter: { fromYear: 2021, toYear: 2022, categories: ['DIRECT_MORAL_MODEL', 'DIRECT_MORAL_MODEL_NOMINEE'], statuses: ['AWARDED'] },
    })
    expect(summaryTarget(f('x', 'honors:CHINA_GOOD_PERSON'), 'T')).toEqual({
      kind: 'honors', title: 'T', filter: { fromYear: 2021, toYear: 2022, categories: ['CHINA_GOOD_PERSON'] },
    })
  })
  it('opens volunteer records, of one campaign unless the metric covers all', () => {
    expect(summaryTarget(f('volunteer_hours', 'hours:ALL'), 'T')).toEqual({ kind: 'volunteer', title: 'T', filter: { fromYear: 2021, toYear: 2022 } })
    expect(summaryTarget(f('covid_volunteers', 'volunteers:COVID19'), 'T')).toEqual({
      kind: 'volunteer', title: 'T', filter: { fromYear: 2021, toYear: 2022, campaigns: ['COVID19'] },
    })
  })
  it.each([
    ['cash:FLOOD720', '/volunteering'],
    ['federation:GROUP', '/volunteering'],
    ['practice:linked_units', '/practice'],
    ['practice:centers', '/practice'],
    ['works:collected', '/sources'],
    ['unknown:thing', '/sources'],
  ])('leads %s to %s with the years', (metric, path) => {
    expect(summaryTarget(f('k', metric), 'T')).toEqual({ kind: 'page', path, query: { from: '2021', to: '2022' } })
  })
})
