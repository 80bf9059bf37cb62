export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** 日期，格式 YYYY-MM-DD。A calendar date as YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /**
   * 上传的文件（GraphQL multipart 请求规范）。A file sent with the GraphQL multipart request spec; the request must carry
   * the header `X-Wenming-Upload: 1` (or `Apollo-Require-Preflight: true`).
   */
  Upload: { input: File | Blob | null; output: File | Blob | null; }
  /** 以元为单位的金额（整数，JSON 中为字符串以免精度丢失）。An amount of money in whole yuan, sent as a decimal string so that no binary float touches it. */
  Yuan: { input: string; output: string; }
};

/** 文明实践活动类型。Kind of practice activity. */
export type ActivityKind =
  /** “文明探源我来说”文物保护宣讲。Heritage-protection talk. */
  | 'HERITAGE_TALK'
  /** “四送一助力”结对帮创。Pairing activity. */
  | 'PAIRING'
  /** 河南省新时代文明实践推动周专题活动。Promotion-week thematic activity. */
  | 'PROMOTION_WEEK'
  /** 常态化活动。Routine activity. */
  | 'ROUTINE';

/** 测评筛选。Filter over assessments. */
export type AssessmentFilter = {
  /** 是否演示数据。Demo flag. */
  demo?: InputMaybe<Scalars['Boolean']['input']>;
  /** 阶段。Stage. */
  stage?: InputMaybe<AssessmentStage>;
  /** 单位全局 ID。Unit global ID. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
  /** 单位类型。Unit kind. */
  unitKind?: InputMaybe<Scalars['String']['input']>;
  /** 年份。Year. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** 测评的可写字段。What an editor sets on an assessment; scores replace the existing ones. */
export type AssessmentInput = {
  /** 基础分（0–100）。Base score. */
  baseScore: Scalars['Float']['input'];
  /** 加分（0–10）。Bonus. */
  bonus?: InputMaybe<Scalars['Float']['input']>;
  /** 各指标得分（整体替换）。Indicator scores, replaced as a whole. */
  scores?: InputMaybe<Array<IndicatorScoreInput>>;
  /** 阶段。Stage. */
  stage: AssessmentStage;
  /** 单位。Unit. */
  unitId: Scalars['ID']['input'];
  /** 一票否决。Veto. */
  veto?: InputMaybe<Scalars['Boolean']['input']>;
  /** 年份。Year. */
  year: Scalars['Int']['input'];
};

/** 测评阶段：申报 → 网络评审 → 实地考察 → 公示 → 命名 → 复查/撤销。Stage an assessment reached. */
export type AssessmentStage =
  /** 申报。Applied. */
  | 'APPLIED'
  /** 命名。Named. */
  | 'NAMED'
  /** 网络评审。Online material review. */
  | 'ONLINE_REVIEW'
  /** 公示。Public notice. */
  | 'PUBLIC_NOTICE'
  /** 复查。Re-examined. */
  | 'REVIEWED'
  /** 撤销。Revoked. */
  | 'REVOKED'
  /** 实地考察。Site visit. */
  | 'SITE_VISIT';

/** 审计动作。What a write did. */
export type AuditAction =
  /** 新建。Created. */
  | 'CREATE'
  /** 删除（移入回收站）。Deleted (moved to the recycle bin). */
  | 'DELETE'
  /** 批量导入。Imported from a file. */
  | 'IMPORT'
  /** 一次删除全部演示数据。Every demo record removed at once. */
  | 'PURGE_DEMO'
  /** 从回收站恢复。Restored from the recycle bin. */
  | 'RESTORE'
  /** 修改。Updated. */
  | 'UPDATE';

/** 审计日志筛选。Filter over the audit log. */
export type AuditFilter = {
  /** 动作。Action. */
  action?: InputMaybe<AuditAction>;
  /** 记录类型。Kind of record. */
  entity?: InputMaybe<Entity>;
  /** 起始时间（含），YYYY-MM-DD 或 RFC 3339。From (inclusive): a date or an RFC 3339 time. */
  from?: InputMaybe<Scalars['String']['input']>;
  /** 某一条记录的全局 ID（含已删除的）：只列它的条目。One record's global ID (deleted ones too): only its entries. */
  recordId?: InputMaybe<Scalars['ID']['input']>;
  /** 截止时间，YYYY-MM-DD（含当天）或 RFC 3339（不含）。To: a date (inclusive) or an RFC 3339 time (exclusive). */
  to?: InputMaybe<Scalars['String']['input']>;
  /** 用户全局 ID。User global ID. */
  userId?: InputMaybe<Scalars['ID']['input']>;
  /** 用户名。Username. */
  username?: InputMaybe<Scalars['String']['input']>;
};

/** 数值的依据。Where a value comes from, so that a fact can be told from configuration or an estimate. */
export type Basis =
  /** 默认配置：随系统提供的配置，尚未经本办确认。Shipped configuration nobody has confirmed yet. */
  | 'DEFAULT'
  /** 估计：本系统的估计，如专项行动的结束日期。Our own estimate, such as a campaign's end date. */
  | 'ESTIMATE'
  /** 本办录入：由本办填写，如目标、管理员设定的权重。Entered by the office, such as targets and weights an admin sets. */
  | 'OFFICE'
  /** 公布：出自来源文档。Published in a source document. */
  | 'PUBLISHED';

/** 专项行动的可写字段。What an editor sets on a campaign. */
export type CampaignInput = {
  /** 代码（大写字母、数字、下划线；创建后不可修改）。Code; cannot change once created. */
  code: Scalars['String']['input'];
  /** 说明。Description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 结束日期（不早于开始日期）。End date, not before the start. */
  endDate?: InputMaybe<Scalars['Date']['input']>;
  /** 类型。Kind. */
  kind: CampaignKind;
  /** 英文名称。English name. */
  nameEn: Scalars['String']['input'];
  /** 中文名称。Chinese name. */
  nameZh: Scalars['String']['input'];
  /** 开始日期。Start date. */
  startDate: Scalars['Date']['input'];
};

/** 专项行动类型。Kind of relief campaign. */
export type CampaignKind =
  /** 对外援助。Aid to other provinces. */
  | 'AID'
  /** 疫情防控。Epidemic response. */
  | 'EPIDEMIC'
  /** 抗洪救灾。Flood relief. */
  | 'FLOOD';

/** 会议培训活动筛选。Filter for events. */
export type CivilisationEventFilter = {
  /** 只看有日期（true）或无日期（false）者。Dated (true) or undated (false) only. */
  dated?: InputMaybe<Scalars['Boolean']['input']>;
  /** 只看演示（true）或真实（false）记录。Demo (true) or real (false) records only. */
  demo?: InputMaybe<Scalars['Boolean']['input']>;
  /** 类型。Kind. */
  kind?: InputMaybe<EventKind>;
};

/** 会议培训活动的可写字段；引语与来源只由原文导入。What an editor sets on an event; quotes and sources come only from the article. */
export type CivilisationEventInput = {
  /** 日期（可选，不知道就不填）。Date, if known. */
  date?: InputMaybe<Scalars['Date']['input']>;
  /** 类型。Kind. */
  kind: EventKind;
  /** 地点。Place. */
  place?: InputMaybe<Scalars['String']['input']>;
  /** 名称。Title. */
  title: Scalars['String']['input'];
};

/**
 * 捐赠的可写字段。箱数与批次只用于物资；现金金额须大于 0；物资须有价值或箱数；日期须在专项行动起止日期内。
 * What an editor sets on a donation. Boxes and batches are for materials only; cash is at least 1 yuan; materials need a
 * value or boxes; the date must fall within the campaign's dates.
 */
export type DonationInput = {
  /** 金额或物资价值（整数元，字符串或整数，0–10000000000）。Amount or value in whole yuan, as a string or an integer. */
  amount: Scalars['Yuan']['input'];
  /** 批次（物资，1–1000）。Shipment number, for materials. */
  batch?: InputMaybe<Scalars['Int']['input']>;
  /** 箱数（物资，0–1000000，默认 0）。Boxes, for materials. */
  boxes?: InputMaybe<Scalars['Int']['input']>;
  /** 专项行动。Campaign. */
  campaignId: Scalars['ID']['input'];
  /** 日期。Date. */
  date: Scalars['Date']['input'];
  /** 说明。Description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 类型：现金或物资。Cash or materials. */
  kind: DonationKind;
  /** 捐赠单位（可选）。Donating unit, if known. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** 捐赠类型。Kind of donation. */
export type DonationKind =
  /** 现金。Cash. */
  | 'CASH'
  /** 物资。Materials, valued in yuan. */
  | 'MATERIAL';

/** 记录类型（写入、回收站与审计日志所指）。Kind of record that writes, the recycle bin and the audit log refer to. */
export type Entity =
  /** 测评（含指标得分）。Assessment, with its indicator scores. */
  | 'ASSESSMENT'
  /** 专项行动。Campaign. */
  | 'CAMPAIGN'
  /** 会议培训活动。Meeting or training. */
  | 'CIVILISATION_EVENT'
  /** 全部演示数据（仅见于审计日志的演示数据清除条目）。The whole demo dataset, as the audit log names a demo purge. */
  | 'DEMO_DATA'
  /** 捐赠。Donation. */
  | 'DONATION'
  /** 优秀案例。Excellent case. */
  | 'EXCELLENT_CASE'
  /** 荣誉。Honour. */
  | 'HONOR'
  /** 荣誉类别的排名积分（管理员；只可修改，不可删除）。A category's ranking points (ADMIN; set, never deleted). */
  | 'HONOR_CATEGORY'
  /** 结对帮创。Pairing. */
  | 'PAIRING'
  /** 人物。Person. */
  | 'PERSON'
  /** 文明实践活动。Practice activity. */
  | 'PRACTICE_ACTIVITY'
  /** 单位与实践中心的联系。Practice link. */
  | 'PRACTICE_LINK'
  /** 排名权重版本（管理员）。A version of the ranking weights (ADMIN). */
  | 'RANKING_WEIGHTS'
  /** 人才库成员。Talent-pool member. */
  | 'TALENT_MEMBER'
  /** 年度目标（管理员）。Target (ADMIN). */
  | 'TARGET'
  /** 单位。Unit. */
  | 'UNIT'
  /** 志愿服务记录。Volunteer record. */
  | 'VOLUNTEER_RECORD'
  /** 微心愿。Wish. */
  | 'WISH';

/** 会议培训活动类型。Kind of meeting or training. */
export type EventKind =
  /** 服务优化营商环境工作推进会。Meeting on services improving the business environment. */
  | 'BUSINESS_ENVIRONMENT_MEETING'
  /** 启动仪式。Launch ceremony. */
  | 'LAUNCH_CEREMONY'
  /** 观摩交流。Observation and exchange. */
  | 'OBSERVATION_EXCHANGE'
  /** 推进会。Progress meeting. */
  | 'PROGRESS_MEETING'
  /** 培训班。Training course. */
  | 'TRAINING';

/** 优秀案例的可写字段。What an editor sets on a case. */
export type ExcellentCaseInput = {
  /** 所属汇编。Compilation. */
  compilationId: Scalars['ID']['input'];
  /** 简介。Summary. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** 标题。Title. */
  title: Scalars['String']['input'];
  /** 单位（可选）。Unit, if any. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
  /** 年份（可选）。Year, if any. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** 数字的限定语：精确、「余」（至少）、「约」（大约）、「约…余」（大约且至少）。How a published number is qualified. */
export type FigureQualifier =
  /** 「约」：大约为该数（核对容差 ±5%）。「约」 — approximately this number (±5% when reconciled). */
  | 'APPROXIMATE'
  /** 「约…余」：大约且至少为该数，如「约164万余元」（核对时不低于公布数的 95%）。「约…余」 — approximately and at least this number (matches from 95% of it up). */
  | 'APPROXIMATE_AT_LEAST'
  /** 「余」：至少为该数。「余」 — at least this number. */
  | 'AT_LEAST'
  /** 精确数字。An exact number. */
  | 'EXACT';

/** 荣誉统计维度。Dimensions honours can be grouped by. */
export type HonorDimension =
  /** 类别。Category. */
  | 'CATEGORY'
  /** 届次。Edition. */
  | 'EDITION'
  /** 级别。Level. */
  | 'LEVEL'
  /** 获得者类型。Recipient kind. */
  | 'RECIPIENT_KIND'
  /** 状态。Status. */
  | 'STATUS'
  /** 单位类型。Unit kind. */
  | 'UNIT_KIND'
  /** 年份。Year. */
  | 'YEAR';

/** 荣誉筛选条件。Filter over honours. */
export type HonorFilter = {
  /** 类别代码。Category codes. */
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 是否演示数据（空为不限）。Demo flag; null means either. */
  demo?: InputMaybe<Scalars['Boolean']['input']>;
  /** 届次。Edition. */
  edition?: InputMaybe<Scalars['String']['input']>;
  /** 起始年份（含）。First year, inclusive. */
  fromYear?: InputMaybe<Scalars['Int']['input']>;
  /** 级别。Levels. */
  levels?: InputMaybe<Array<HonorLevel>>;
  /** 获得者类型。Recipient kinds. */
  recipientKinds?: InputMaybe<Array<RecipientKind>>;
  /** 状态。Statuses. */
  statuses?: InputMaybe<Array<HonorStatus>>;
  /** 截止年份（含）。Last year, inclusive. */
  toYear?: InputMaybe<Scalars['Int']['input']>;
  /** 单位全局 ID。Unit global ID. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
  /** 单位类型。Unit kind, e.g. 高校. */
  unitKind?: InputMaybe<Scalars['String']['input']>;
};

/**
 * 荣誉的可写字段。获得者须与类别的获得者类型一致：单位类（UNIT）须为非校园单位，校园类（CAMPUS）须为高校或中小学，窗口类（WINDOW）须为窗口单位，个人类（PERSON）须指定人物，项目类须指定项目。
 * What an editor sets on an honour. The recipient must match the category's recipient kind.
 */
export type HonorInput = {
  /** 荣誉类别代码，如 PROVINCIAL_UNIT。Category code. */
  categoryCode: Scalars['String']['input'];
  /** 日期（须在该年内）。Date, within the year. */
  date?: InputMaybe<Scalars['Date']['input']>;
  /** 届次，如 第六届。Edition. */
  edition?: InputMaybe<Scalars['String']['input']>;
  /** 获得者（个人类必填）。Person, for PERSON categories. */
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** 志愿服务项目（项目类必填）。Volunteer project, for PROJECT categories. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** 获得者名称（默认取单位、人物或项目名称）。Recipient display name; defaults to the recipient's name. */
  recipientName?: InputMaybe<Scalars['String']['input']>;
  /** 状态（默认取类别的默认状态）。Status; defaults to the category's. */
  status?: InputMaybe<HonorStatus>;
  /** 获得单位（单位、校园、窗口类必填；个人类默认取人物所在单位）。Unit. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
  /** 年份（1949–2100）。Year. */
  year: Scalars['Int']['input'];
};

/** 荣誉级别。Level of an honour. */
export type HonorLevel =
  /** 全国。National. */
  | 'NATIONAL'
  /** 河南省。Provincial (Henan). */
  | 'PROVINCIAL'
  /** 省直。Provincial-direct (省直机关). */
  | 'PROVINCIAL_DIRECT';

/** 荣誉排序。Ordering of honours; ties break on ID. */
export type HonorOrder = {
  /** 方向。Direction. */
  direction?: InputMaybe<OrderDirection>;
  /** 字段。Field. */
  field: HonorOrderField;
};

/** 荣誉排序字段。Sort field for honours. */
export type HonorOrderField =
  /** 类别。Category code. */
  | 'CATEGORY'
  /** 获得者名称。Recipient name. */
  | 'RECIPIENT'
  /** 年份。Year. */
  | 'YEAR';

/** 荣誉状态。Status of an honour. */
export type HonorStatus =
  /** 获评。Awarded. */
  | 'AWARDED'
  /** 提名/候选。Nominated or candidate. */
  | 'NOMINATED'
  /** 推荐。Recommended to a higher level. */
  | 'RECOMMENDED'
  /** 享受待遇认定。Recognised as enjoying the treatment of a title (享受…待遇). */
  | 'TREATMENT_RECOGNISED';

/** 导入类型：每种类型有自己的模板（GET /templates/{kind}.xlsx）。What an import file holds; each kind has its own template. */
export type ImportKind =
  /** 文明实践活动（自然键：单位 + 活动日期 + 活动类型 + 活动主题）。Practice activities, matched on unit, date, kind and theme. */
  | 'ACTIVITIES'
  /** 年度测评（自然键：单位 + 年份）。Assessments, matched on unit and year. */
  | 'ASSESSMENTS'
  /** 荣誉（自然键：荣誉类别 + 获得者名称 + 年份 + 届次）。Honours, matched on category, recipient, year and edition. */
  | 'HONORS'
  /** 先进人物（自然键：姓名 + 所属单位）。People, matched on name and unit. */
  | 'PEOPLE'
  /** 省直单位（自然键：单位名称）。Units, matched on name. */
  | 'UNITS'
  /** 志愿服务记录（自然键：单位 + 服务日期 + 专项行动 + 记录方式）。Volunteer records, matched on unit, date, campaign and method. */
  | 'VOLUNTEER_RECORDS';

/** 一项指标得分。One indicator score. */
export type IndicatorScoreInput = {
  /** 指标代码（须属于该年施行的指标版本）。Indicator code of the year's version. */
  code: Scalars['String']['input'];
  /** 得分（0 至该指标满分）。Score, from 0 to the indicator's maximum. */
  score: Scalars['Float']['input'];
};

/** 指标的累计方式。How a KPI adds up over a range of years. */
export type KpiKind =
  /** 流量：所选各年记录之和（荣誉、时长、人次、捐赠）。A flow: the sum over the selected years (honours, hours, person-times, donations). */
  | 'FLOW'
  /** 存量：截至所选末年年底的数（联系单位、实践中心、联合会会员）。A stock: what stands at the end of the last selected year (linked units, centres, federation members). */
  | 'STOCK';

/** 排序方向。Sort direction. */
export type OrderDirection =
  /** 升序。Ascending. */
  | 'ASC'
  /** 降序。Descending. */
  | 'DESC';

/** “四送一助力”的一项内容。One item of the pairing content 「四送一助力」. */
export type PairingContent =
  /** 送文化。Bringing culture. */
  | 'CULTURE'
  /** 送健康。Bringing health. */
  | 'HEALTH'
  /** 送政策。Bringing policies. */
  | 'POLICY'
  /** 助力乡村振兴。Helping rural revitalisation. */
  | 'RURAL_REVITALISATION'
  /** 送温暖。Bringing warmth. */
  | 'WARMTH';

/** 结对帮创的可写字段。What an editor sets on a pairing. */
export type PairingInput = {
  /** 所在实践中心（县，可选；演示记录不可填）。County centre, if any; demo pairings cannot name one. */
  centerId?: InputMaybe<Scalars['ID']['input']>;
  /** “四送一助力”内容（整体替换；更新时省略则保留原值，显式 null 清空）。Contents, replaced as a whole. On an update, omitting them keeps the stored ones and an explicit null clears them. */
  contents?: InputMaybe<Array<PairingContent>>;
  /** 开始年份。Year the pairing began. */
  sinceYear: Scalars['Int']['input'];
  /** 乡镇名称（同一单位不可重复）。Township; one pairing per unit and township. */
  township: Scalars['String']['input'];
  /** 单位。Unit. */
  unitId: Scalars['ID']['input'];
};

/** 人物筛选。Filter over people. */
export type PersonFilter = {
  /** 荣誉类别代码。Honour category codes the person holds. */
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 姓名包含。Name contains. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
};

/** 人物的可写字段。What an editor sets on a person. */
export type PersonInput = {
  /** 事迹简介。Citation. */
  citation?: InputMaybe<Scalars['String']['input']>;
  /** 姓名。Name. */
  name: Scalars['String']['input'];
  /** 所在单位全局 ID。Unit global ID. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** 文明实践“六大行动”之一。原文列出四项，另两项未具名。One of the six practice actions (六大行动); the article names four and leaves two unnamed. */
export type PracticeAction =
  /** 优质文化供给。Supplying quality culture. */
  | 'CULTURE'
  /** 服务惠民暖心。Services that benefit and warm the people. */
  | 'SERVICE'
  /** 党的创新理论传播。Spreading the Party's new theories. */
  | 'THEORY'
  /** 第五项，未具名（原文未列出）。The fifth action, unnamed: the article does not list it. */
  | 'UNNAMED_5'
  /** 第六项，未具名（原文未列出）。The sixth action, unnamed: the article does not list it. */
  | 'UNNAMED_6'
  /** 主流价值践行。Practising mainstream values. */
  | 'VALUES';

/** 文明实践活动筛选。Filter over practice activities. */
export type PracticeActivityFilter = {
  /** 实践中心全局 ID。Practice centre global ID. */
  centerId?: InputMaybe<Scalars['ID']['input']>;
  /** 是否演示数据。Demo flag. */
  demo?: InputMaybe<Scalars['Boolean']['input']>;
  /** 起始年份。First year. */
  fromYear?: InputMaybe<Scalars['Int']['input']>;
  /** 类型。Kinds. */
  kinds?: InputMaybe<Array<ActivityKind>>;
  /** 截止年份。Last year. */
  toYear?: InputMaybe<Scalars['Int']['input']>;
  /** 单位全局 ID。Unit global ID. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** 文明实践活动的可写字段。What an editor sets on a practice activity. */
export type PracticeActivityInput = {
  /** 所属“六大行动”（可选；未具名的两项不可选；更新时省略则保留原值，显式 null 清除）。Practice action (optional; the two unnamed ones cannot be chosen). On an update, omitting it keeps the stored action and an explicit null clears it. */
  action?: InputMaybe<PracticeAction>;
  /** 实践中心（可选）。Practice centre, if any. */
  centerId?: InputMaybe<Scalars['ID']['input']>;
  /** 日期。Date. */
  date: Scalars['Date']['input'];
  /** 类型。Kind. */
  kind: ActivityKind;
  /** 参与人次（≥ 0）。Participants. */
  participants: Scalars['Int']['input'];
  /** 场次（≥ 1）。Sessions. */
  sessions: Scalars['Int']['input'];
  /** 主题。Theme. */
  theme: Scalars['String']['input'];
  /** 单位。Unit. */
  unitId: Scalars['ID']['input'];
};

/** 单位与实践中心联系的可写字段。What an editor sets on a practice link. */
export type PracticeLinkInput = {
  /** 实践中心。Practice centre. */
  centerId: Scalars['ID']['input'];
  /** 开始年份。Year the link began. */
  sinceYear: Scalars['Int']['input'];
  /** 单位。Unit. */
  unitId: Scalars['ID']['input'];
};

/** 进度指标。Metrics with a yearly series. */
export type ProgressMetric =
  /** 平均测评得分。Average assessment score. */
  | 'AVERAGE_ASSESSMENT_SCORE'
  /** 好人（中国好人、河南好人、省直身边好人）获评人数。Good people awarded. */
  | 'GOOD_PEOPLE'
  /** 全国级获评荣誉数（只计已授予，不含享受待遇和推荐）。National honours awarded; excludes treatment recognitions and recommendations. */
  | 'HONORS_NATIONAL'
  /** 省级获评荣誉数（只计已授予）。Provincial honours awarded. */
  | 'HONORS_PROVINCIAL'
  /** 省直级获评荣誉数（只计已授予）。Provincial-direct honours awarded. */
  | 'HONORS_PROVINCIAL_DIRECT'
  /** 推荐数（候选人、推荐的窗口和标兵）。Recommended candidates and entries. */
  | 'HONORS_RECOMMENDED'
  /** 全部获评荣誉数（只计已授予）。All honours awarded. */
  | 'HONORS_TOTAL'
  /** 推荐认定享受文明单位待遇数。Units recognised as enjoying a title's treatment (享受…待遇). */
  | 'HONORS_TREATMENT_RECOGNISED'
  /** 省直道德模范（含提名奖）获评人数。Provincial-direct moral models awarded (incl. nomination awards). */
  | 'MORAL_MODELS'
  /** 文明实践活动场次。Practice activity sessions. */
  | 'PRACTICE_ACTIVITIES'
  /** 志愿者人次。Volunteers (person-times). */
  | 'VOLUNTEERS'
  /** 志愿服务时长（小时）。Volunteer hours. */
  | 'VOLUNTEER_HOURS';

/** 排名指标。Metrics units can be ranked by. */
export type RankingMetric =
  /** 测评总分。Assessment total. */
  | 'ASSESSMENT_SCORE'
  /** 创建指数：荣誉积分、志愿时长、实践活动与测评的加权综合（0–100）；权重为默认配置或本办录入，见 rankingWeights 的 basis。Weighted composite (0–100); the weights are shipped defaults or the office's own, see rankingWeights' basis. */
  | 'CREATION_INDEX'
  /** 荣誉积分（类别积分之和；积分为默认配置或本办录入）。Honour points: sum of category points (shipped defaults or the office's own). */
  | 'HONOR_POINTS'
  /** 志愿服务时长。Volunteer hours. */
  | 'VOLUNTEER_HOURS';

/** 排名方向：前 N 或后 N。Whether to list the top or the bottom of the ranking. */
export type RankingOrder =
  /** 后 N 名。Bottom N. */
  | 'BOTTOM'
  /** 前 N 名。Top N. */
  | 'TOP';

/** 一项排名权重。The weight of one creation-index component. */
export type RankingWeightInput = {
  /** 组成项：honors、volunteer_hours、practice、assessment。Component. */
  component: Scalars['String']['input'];
  /** 权重（0–1，各项之和为 1）。Weight; components add up to 1. */
  weight: Scalars['Float']['input'];
};

/** 获得者类型。What kind of recipient an honour goes to. */
export type RecipientKind =
  /** 校园（与单位分开计数）。A campus, counted apart from units. */
  | 'CAMPUS'
  /** 社区（「四个优秀」之优秀志愿服务社区；无记录表，只有名称）。A community (优秀志愿服务社区 of 「四个优秀」); it has no record, only a name. */
  | 'COMMUNITY'
  /** 个人。A person. */
  | 'PERSON'
  /** 项目。A project or typical case. */
  | 'PROJECT'
  /** 单位。A unit. */
  | 'UNIT'
  /** 窗口。A service window. */
  | 'WINDOW'
  /** 作品。A work (书法、绘画…). */
  | 'WORK';

/** 核对状态。Outcome of comparing a figure with the records. */
export type ReconciliationStatus =
  /** 记录多于公布数（精确数或约数）。Records exceed an exact or approximate figure. */
  | 'ABOVE'
  /** 记录少于公布数。Records fall short of the figure. */
  | 'BELOW'
  /** 与限定语一致。Consistent with the qualifier. */
  | 'MATCH'
  /** 无对应记录，不核对。No records track this figure. */
  | 'NOT_TRACKED';

/** 时长记录方式（《志愿服务记录与证明出具办法》）。How service hours were captured. */
export type RecordingMethod =
  /** 补录。Back-filled later. */
  | 'BACKFILL'
  /** 本人申报。Self-reported. */
  | 'SELF_REPORT'
  /** 按班次。By shift. */
  | 'SHIFT'
  /** 签到签退。Sign-in and sign-out. */
  | 'SIGN_IN';

/** 角色：VIEWER 查看，EDITOR 编辑记录，ADMIN 管理用户、令牌、权重和目标。Role of a user. */
export type Role =
  /** 管理员：可管理用户、令牌、权重和目标。Also manages users, tokens, weights and targets. */
  | 'ADMIN'
  /** 编辑：可写入记录。Also writes records. */
  | 'EDITOR'
  /** 查看。Reads. */
  | 'VIEWER';

/** 摘要片段的类型。What a run of the summary's text is. */
export type SegmentKind =
  /** 演示数据提示：演示记录参与了计算。Notice that demo records contributed. */
  | 'DEMO_NOTICE'
  /** 与记录不同的公布数字及其限定语（仅 2019–2024 年）。The published figure with its qualifier, beside a records value that differs (2019–2024 only). */
  | 'PUBLISHED'
  /** 由记录计算的数字（与同一年份范围的总览指标相同）。A number the records add up to, equal to the overview KPI for the same years. */
  | 'RECORDS'
  /** 叙述文字。Prose. */
  | 'TEXT';

/** 摘要的语言。The language a summary is written in. */
export type SummaryLanguage =
  /** 英文：「余」读作 more than，「约」读作 about。English: 「余」 reads "more than" and 「约」 reads "about". */
  | 'EN'
  /** 中文（原文的行文）。Chinese, in the article's register. */
  | 'ZH';

/** 人才库成员的可写字段。What an editor sets on a talent-pool member. */
export type TalentMemberInput = {
  /** 姓名。Name. */
  name: Scalars['String']['input'];
  /** 承担的工作（至少一项）。Work served in (at least one). */
  roles: Array<TalentRole>;
  /** 入库年份。Year joined. */
  sinceYear: Scalars['Int']['input'];
  /** 所在单位（可选）。Unit, if any. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** 人才库成员承担的工作（原文：网络评审、实地考察、先进评选等）。Work a talent-pool member serves in. */
export type TalentRole =
  /** 先进评选。Selection of exemplars. */
  | 'ADVANCED_SELECTION'
  /** 网络评审。Online review. */
  | 'ONLINE_REVIEW'
  /** 实地考察。Site visits. */
  | 'SITE_VISIT';

/** 年度目标的可写字段（管理员）。What an admin sets on a target. */
export type TargetInput = {
  /** 指标。Metric. */
  metric: ProgressMetric;
  /** 目标值（≥ 0）。Value. */
  value: Scalars['Float']['input'];
  /** 年份。Year. */
  year: Scalars['Int']['input'];
};

/** 令牌权限：只读或读写。What an API token may do. */
export type TokenScope =
  /** 只读。Read only. */
  | 'READ'
  /** 读写（不超过所属用户的角色）。Read and write, within the owner's role. */
  | 'WRITE';

/** 单位筛选。Filter over units. */
export type UnitFilter = {
  /** 类型。Kind. */
  kind?: InputMaybe<Scalars['String']['input']>;
  /** 仅联系实践中心的单位。Only units linked to a practice centre. */
  linkedToPractice?: InputMaybe<Scalars['Boolean']['input']>;
  /** 名称包含。Name contains. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** 仅窗口单位。Only service windows. */
  serviceWindow?: InputMaybe<Scalars['Boolean']['input']>;
};

/** 单位的可写字段。What an editor sets on a unit. */
export type UnitInput = {
  /** 类型：机关、事业单位、国有企业、高校、中小学、医院。Kind. */
  kind: Scalars['String']['input'];
  /** 名称（去除首尾空格后不能为空，且不能与其他单位重名）。Name, unique. */
  name: Scalars['String']['input'];
  /** 所属系统。Sector. */
  sector?: InputMaybe<Scalars['String']['input']>;
  /** 是否窗口单位。Whether it is a service window. */
  serviceWindow?: InputMaybe<Scalars['Boolean']['input']>;
};

/** 志愿服务统计维度。Dimensions volunteer records can be grouped by. */
export type VolunteerDimension =
  /** 专项行动。Campaign. */
  | 'CAMPAIGN'
  /** 记录方式。Recording method. */
  | 'METHOD'
  /** 月份（YYYY-MM）。Month. */
  | 'MONTH'
  /** 单位。Unit. */
  | 'UNIT'
  /** 单位类型。Unit kind. */
  | 'UNIT_KIND'
  /** 是否核实。Verified flag. */
  | 'VERIFIED'
  /** 年份。Year. */
  | 'YEAR';

/** 志愿服务筛选。Filter over volunteer service records. */
export type VolunteerFilter = {
  /** 专项行动代码。Campaign codes; ROUTINE selects routine service. */
  campaigns?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 是否演示数据。Demo flag. */
  demo?: InputMaybe<Scalars['Boolean']['input']>;
  /** 起始年份。First year. */
  fromYear?: InputMaybe<Scalars['Int']['input']>;
  /** 记录方式。Recording methods. */
  methods?: InputMaybe<Array<RecordingMethod>>;
  /** 截止年份。Last year. */
  toYear?: InputMaybe<Scalars['Int']['input']>;
  /** 单位全局 ID。Unit global ID. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
  /** 单位类型。Unit kind. */
  unitKind?: InputMaybe<Scalars['String']['input']>;
  /** 是否已核实。Verified flag. */
  verified?: InputMaybe<Scalars['Boolean']['input']>;
};

/** 志愿服务记录的可写字段。What an editor sets on a volunteer record. */
export type VolunteerRecordInput = {
  /** 专项行动（为空表示常态化服务）。Campaign, or null for routine service. */
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  /** 服务日期。Service date. */
  date: Scalars['Date']['input'];
  /** 服务时长（小时，≥ 0，须为整分钟，如 1.5）。Hours; must be a whole number of minutes. */
  hours: Scalars['Float']['input'];
  /** 记录方式。Recording method. */
  method: RecordingMethod;
  /** 组织单位。Organising unit. */
  unitId: Scalars['ID']['input'];
  /** 是否已核实。Whether the hours were verified. */
  verified?: InputMaybe<Scalars['Boolean']['input']>;
  /** 志愿者人数（≥ 0）。Volunteers. */
  volunteers: Scalars['Int']['input'];
};

/** 志愿服务记录排序；同值按 ID。Ordering of volunteer records; ties break on ID. */
export type VolunteerRecordOrder = {
  /** 方向。Direction. */
  direction?: InputMaybe<OrderDirection>;
  /** 字段。Field. */
  field: VolunteerRecordOrderField;
};

/** 志愿服务记录排序字段。Sort field for volunteer records. */
export type VolunteerRecordOrderField =
  /** 服务日期。Service date. */
  | 'DATE'
  /** 时长。Hours. */
  | 'HOURS'
  /** ID（默认）。ID (the default). */
  | 'ID'
  /** 单位名称。Unit name. */
  | 'UNIT'
  /** 志愿者人数。Volunteers. */
  | 'VOLUNTEERS';

/** 微心愿筛选。Filter for wishes. */
export type WishFilter = {
  /** 只看演示（true）或真实（false）记录。Demo (true) or real (false) records only. */
  demo?: InputMaybe<Scalars['Boolean']['input']>;
  /** 阶段。Stage. */
  stage?: InputMaybe<WishStage>;
  /** 认领单位。Claiming unit. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** 微心愿的可写字段。What an editor sets on a wish. */
export type WishInput = {
  /** 心愿所在村（社区）。Village or community. */
  beneficiary: Scalars['String']['input'];
  /** 征集日期。Date collected. */
  collectedOn: Scalars['Date']['input'];
  /** 备注。Note. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** 所属结对帮创（可选）。Pairing, if any. */
  pairingId?: InputMaybe<Scalars['ID']['input']>;
  /** 阶段。Stage. */
  stage: WishStage;
  /** 心愿内容。What is wished for. */
  title: Scalars['String']['input'];
  /** 认领单位：认领、实施阶段必填，此前不填。Claiming unit: required from CLAIMED on, absent before. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** “微心愿”所处阶段：征集、发布、认领、实施。Stage of a wish: collected, published, claimed, carried out. */
export type WishStage =
  /** 认领。Claimed by a unit. */
  | 'CLAIMED'
  /** 征集。Collected. */
  | 'COLLECTED'
  /** 实施。Carried out. */
  | 'FULFILLED'
  /** 发布。Published. */
  | 'PUBLISHED';

/** 作品入选级别。Selection level of a work. */
export type WorkSelection =
  /** 仅征集。Collected only. */
  | 'COLLECTED'
  /** 河南省优秀作品。Selected at provincial level. */
  | 'PROVINCIAL'
  /** 省直优秀作品。Selected at provincial-direct level. */
  | 'PROVINCIAL_DIRECT';
