/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** 荣誉级别。Level of an honour. */
export type HonorLevel =
  /** 全国。National. */
  | 'NATIONAL'
  /** 河南省。Provincial (Henan). */
  | 'PROVINCIAL'
  /** 省直。Provincial-direct (省直机关). */
  | 'PROVINCIAL_DIRECT';

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

/** 志愿服务筛选。Filter over volunteer service records. */
export type VolunteerFilter = {
  /** 专项行动代码。Campaign codes; ROUTINE selects routine service. */
  campaigns?: Array<string> | null | undefined;
  /** 是否演示数据。Demo flag. */
  demo?: boolean | null | undefined;
  /** 起始年份。First year. */
  fromYear?: number | null | undefined;
  /** 记录方式。Recording methods. */
  methods?: Array<RecordingMethod> | null | undefined;
  /** 截止年份。Last year. */
  toYear?: number | null | undefined;
  /** 单位全局 ID。Unit global ID. */
  unitId?: string | null | undefined;
  /** 单位类型。Unit kind. */
  unitKind?: string | null | undefined;
  /** 是否已核实。Verified flag. */
  verified?: boolean | null | undefined;
};

export type UnitPageQueryVariables = Exact<{
  id: string;
  metric: Types.RankingMetric;
  volunteer: Types.VolunteerFilter;
}>;


export type UnitPageQuery = { node:
    | { id: string, name: string, kind: string, sector: string, serviceWindow: boolean, campus: boolean, demo: boolean, version: number, honors: Array<{ id: string, year: number, status: Types.HonorStatus, demo: boolean, category: { code: string, level: Types.HonorLevel, nameZh: string, nameEn: string } }>, assessments: Array<{ id: string, year: number, baseScore: number, bonus: number, veto: boolean, total: number, stage: Types.AssessmentStage, demo: boolean, version: number, scores: Array<{ code: string, nameZh: string, score: number, maxScore: number }> }>, practiceLinks: Array<{ id: string, sinceYear: number, demo: boolean, version: number, center: { id: string, name: string, county: string, prefecture: string, identified: boolean } }>, pairings: Array<{ id: string, township: string, sinceYear: number, demo: boolean, version: number, contents: Array<Types.PairingContent>, center: { id: string, name: string } | null }>, rankingHistory: Array<{ year: number, rank: number, of: number, score: number }> }
    | Record<PropertyKey, never>
   | null, volunteerStats: Array<{ year: number | null, volunteers: number, hours: number, verifiedHours: number, records: number }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const UnitPageDocument = new TypedDocumentString(`
    query UnitPage($id: ID!, $metric: RankingMetric!, $volunteer: VolunteerFilter!) {
  node(id: $id) {
    ... on Unit {
      id
      name
      kind
      sector
      serviceWindow
      campus
      demo
      version
      honors {
        id
        year
        status
        demo
        category {
          code
          level
          nameZh
          nameEn
        }
      }
      assessments {
        id
        year
        baseScore
        bonus
        veto
        total
        stage
        demo
        version
        scores {
          code
          nameZh
          score
          maxScore
        }
      }
      practiceLinks {
        id
        sinceYear
        demo
        version
        center {
          id
          name
          county
          prefecture
          identified
        }
      }
      pairings {
        id
        township
        sinceYear
        demo
        version
        contents
        center {
          id
          name
        }
      }
      rankingHistory(metric: $metric) {
        year
        rank
        of
        score
      }
    }
  }
  volunteerStats(groupBy: [YEAR], filter: $volunteer) {
    year
    volunteers
    hours
    verifiedHours
    records
  }
}
    `) as unknown as TypedDocumentString<UnitPageQuery, UnitPageQueryVariables>;