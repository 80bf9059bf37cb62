// The example tabs GraphiQL opens with: the analysts' common tasks, each a query that runs as it stands.

/** One GraphiQL tab: a named query with its variables. */
export interface ExampleTab {
  query: string
  variables?: string
}

export const examples: ExampleTab[] = [
  {
    query: `# 公布数字及原文出处 · Published figures with their quotes and sources
query PublishedFigures {
  publishedFigures {
    key
    labelZh
    labelEn
    value
    unit
    qualifier # EXACT, AT_LEAST (余), APPROXIMATE (约), APPROXIMATE_AT_LEAST (约…余)
    quote
    source { title publishedOn }
  }
  reconciliation { figure { key } recordedValue status note }
}
`,
  },
  {
    query: `# 按年份和级别统计荣誉 · Honours by year and level (awarded only)
query HonoursByYearAndLevel($filter: HonorFilter) {
  honorStats(groupBy: [YEAR, LEVEL], filter: $filter) {
    year
    level
    count
  }
}
`,
    variables: '{ "filter": { "statuses": ["AWARDED"] } }',
  },
  {
    query: `# 按专项行动统计志愿服务时长 · Volunteer hours by campaign
query VolunteerHoursByCampaign {
  volunteerStats(groupBy: [CAMPAIGN]) {
    campaign
    campaignNameZh
    volunteers # person-times (人次)
    hours
  }
}
`,
  },
  {
    query: `# 创建排名及得分构成 · Rankings with their breakdown
query RankingsWithBreakdown($year: Int) {
  rankings(year: $year, metric: CREATION_INDEX, first: 10) {
    rank
    previousRank
    unit { name }
    score
    breakdown { key labelZh weight raw contribution }
  }
}
`,
    variables: '{ "year": 2024 }',
  },
  {
    query: `# 分页（Relay 游标）· Paging with Relay cursors: pass endCursor as $after for the next page
query HonoursPage($after: String) {
  honors(first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id year category { nameZh } recipientName demo } }
  }
}
`,
    variables: '{ "after": null }',
  },
  {
    query: `# 上报任务进度（扁平计数，领导与报表工具）· A reporting task's progress as flat counts, for leaders and reporting tools
query TaskProgress {
  reportTasks {
    id
    year
    title
    dueOn
    progress { units notStarted inProgress submitted returned approved exempt overdue late reminded }
  }
}
`,
  },
  {
    query: `# 我的上报任务（单位填报员）· My reporting tasks, as a unit's reporter sees them
query MyTasks {
  reportTasks {
    id
    title
    dueOn
    assignments {
      unit { name }
      state
      version
      rounds
      comments { round field text }
      draft { warnings { field message explanation } }
    }
  }
}
`,
  },
]
