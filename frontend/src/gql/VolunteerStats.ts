/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type VolunteerStatsQueryVariables = Exact<{
  groupBy: Array<Types.VolunteerDimension> | Types.VolunteerDimension;
  filter?: Types.VolunteerFilter | null | undefined;
}>;


export type VolunteerStatsQuery = { volunteerStats: Array<{ year: number | null, month: string | null, campaign: string | null, campaignNameZh: string | null, unitKind: string | null, unitId: string | null, unitName: string | null, method: Types.RecordingMethod | null, verified: boolean | null, volunteers: number, hours: number, verifiedHours: number, records: number, cashDonations: string, materialDonations: string }> };

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

export const VolunteerStatsDocument = new TypedDocumentString(`
    query VolunteerStats($groupBy: [VolunteerDimension!]!, $filter: VolunteerFilter) {
  volunteerStats(groupBy: $groupBy, filter: $filter) {
    year
    month
    campaign
    campaignNameZh
    unitKind
    unitId
    unitName
    method
    verified
    volunteers
    hours
    verifiedHours
    records
    cashDonations
    materialDonations
  }
}
    `) as unknown as TypedDocumentString<VolunteerStatsQuery, VolunteerStatsQueryVariables>;