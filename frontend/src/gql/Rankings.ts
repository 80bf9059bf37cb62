/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** 荣誉级别。Level of an honour. */
export type HonorLevel =
  /** 全国。National. */
  | 'NATIONAL'
  /** 河南省。Provincial (Henan). */
  | 'PROVINCIAL'
  /** 省直。Provincial-direct (省直机关). */
  | 'PROVINCIAL_DIRECT';

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

export type RankingsQueryVariables = Exact<{
  year?: number | null | undefined;
  metric: Types.RankingMetric;
  unitKind?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type RankingsQuery = { top: Array<{ rank: number, previousRank: number | null, score: number, unit: { id: string, name: string, kind: string }, breakdown: Array<{ key: string, labelZh: string, labelEn: string, raw: number, weight: number, contribution: number }> }>, bottom: Array<{ rank: number, previousRank: number | null, score: number, unit: { id: string, name: string, kind: string }, breakdown: Array<{ key: string, labelZh: string, labelEn: string, raw: number, weight: number, contribution: number }> }>, rankingWeights: Array<{ fromYear: number, component: string, labelZh: string, weight: number, basis: Types.Basis }>, honorCategories: Array<{ id: string, code: string, nameZh: string, nameEn: string, level: Types.HonorLevel, weight: number, weightBasis: Types.Basis, noteZh: string }>, unitKinds: Array<{ kind: string, count: number }> };

export type EntryFragment = { rank: number, previousRank: number | null, score: number, unit: { id: string, name: string, kind: string }, breakdown: Array<{ key: string, labelZh: string, labelEn: string, raw: number, weight: number, contribution: number }> };

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
export const EntryFragmentDoc = new TypedDocumentString(`
    fragment Entry on RankingEntry {
  rank
  previousRank
  score
  unit {
    id
    name
    kind
  }
  breakdown {
    key
    labelZh
    labelEn
    raw
    weight
    contribution
  }
}
    `, {"fragmentName":"Entry"}) as unknown as TypedDocumentString<EntryFragment, unknown>;
export const RankingsDocument = new TypedDocumentString(`
    query Rankings($year: Int, $metric: RankingMetric!, $unitKind: String, $first: Int) {
  top: rankings(
    year: $year
    metric: $metric
    unitKind: $unitKind
    first: $first
    order: TOP
  ) {
    ...Entry
  }
  bottom: rankings(
    year: $year
    metric: $metric
    unitKind: $unitKind
    first: $first
    order: BOTTOM
  ) {
    ...Entry
  }
  rankingWeights(year: $year) {
    fromYear
    component
    labelZh
    weight
    basis
  }
  honorCategories {
    id
    code
    nameZh
    nameEn
    level
    weight
    weightBasis
    noteZh
  }
  unitKinds {
    kind
    count
  }
}
    fragment Entry on RankingEntry {
  rank
  previousRank
  score
  unit {
    id
    name
    kind
  }
  breakdown {
    key
    labelZh
    labelEn
    raw
    weight
    contribution
  }
}`) as unknown as TypedDocumentString<RankingsQuery, RankingsQueryVariables>;