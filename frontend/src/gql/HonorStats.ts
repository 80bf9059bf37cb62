/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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
  categories?: Array<string> | null | undefined;
  /** 是否演示数据（空为不限）。Demo flag; null means either. */
  demo?: boolean | null | undefined;
  /** 届次。Edition. */
  edition?: string | null | undefined;
  /** 起始年份（含）。First year, inclusive. */
  fromYear?: number | null | undefined;
  /** 级别。Levels. */
  levels?: Array<HonorLevel> | null | undefined;
  /** 获得者类型。Recipient kinds. */
  recipientKinds?: Array<RecipientKind> | null | undefined;
  /** 状态。Statuses. */
  statuses?: Array<HonorStatus> | null | undefined;
  /** 截止年份（含）。Last year, inclusive. */
  toYear?: number | null | undefined;
  /** 单位全局 ID。Unit global ID. */
  unitId?: string | null | undefined;
  /** 单位类型。Unit kind, e.g. 高校. */
  unitKind?: string | null | undefined;
};

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

export type HonorStatsQueryVariables = Exact<{
  groupBy: Array<Types.HonorDimension> | Types.HonorDimension;
  filter?: Types.HonorFilter | null | undefined;
}>;


export type HonorStatsQuery = { honorStats: Array<{ year: number | null, level: Types.HonorLevel | null, category: string | null, categoryNameZh: string | null, categoryNameEn: string | null, recipientKind: Types.RecipientKind | null, status: Types.HonorStatus | null, unitKind: string | null, edition: string | null, count: number, points: number }> };

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

export const HonorStatsDocument = new TypedDocumentString(`
    query HonorStats($groupBy: [HonorDimension!]!, $filter: HonorFilter) {
  honorStats(groupBy: $groupBy, filter: $filter) {
    year
    level
    category
    categoryNameZh
    categoryNameEn
    recipientKind
    status
    unitKind
    edition
    count
    points
  }
}
    `) as unknown as TypedDocumentString<HonorStatsQuery, HonorStatsQueryVariables>;