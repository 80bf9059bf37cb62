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

/** 指标的累计方式。How a KPI adds up over a range of years. */
export type KpiKind =
  /** 流量：所选各年记录之和（荣誉、时长、人次、捐赠）。A flow: the sum over the selected years (honours, hours, person-times, donations). */
  | 'FLOW'
  /** 存量：截至所选末年年底的数（联系单位、实践中心、联合会会员）。A stock: what stands at the end of the last selected year (linked units, centres, federation members). */
  | 'STOCK';

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

export type OverviewQueryVariables = Exact<{
  from?: number | null | undefined;
  to?: number | null | undefined;
}>;


export type OverviewQuery = { overview: { fromYear: number, toYear: number, includesDemo: boolean, kpis: Array<{ key: string, labelZh: string, labelEn: string, value: number, unit: string, noteZh: string, noteEn: string, kind: Types.KpiKind, comparison: { status: Types.ReconciliationStatus, note: string } | null, published: { id: string, key: string, labelZh: string, labelEn: string, value: number, unit: string, qualifier: Types.FigureQualifier, basis: Types.Basis, quote: string, fromYear: number, toYear: number, source: { id: string, title: string, publisher: string, publishedOn: string, url: string | null } } | null, companion: { id: string, key: string, labelZh: string, labelEn: string, value: number, unit: string, qualifier: Types.FigureQualifier, basis: Types.Basis, quote: string, source: { id: string, title: string, publisher: string, publishedOn: string, url: string | null } } | null }> }, milestones: Array<{ id: string, date: string, precision: string, titleZh: string, titleEn: string, kind: string, endDate: string | null, dateBasis: Types.Basis, source: { id: string, title: string } | null }> };

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

export const OverviewDocument = new TypedDocumentString(`
    query Overview($from: Int, $to: Int) {
  overview(fromYear: $from, toYear: $to) {
    fromYear
    toYear
    includesDemo
    kpis {
      key
      labelZh
      labelEn
      value
      unit
      noteZh
      noteEn
      kind
      comparison {
        status
        note
      }
      published {
        id
        key
        labelZh
        labelEn
        value
        unit
        qualifier
        basis
        quote
        fromYear
        toYear
        source {
          id
          title
          publisher
          publishedOn
          url
        }
      }
      companion {
        id
        key
        labelZh
        labelEn
        value
        unit
        qualifier
        basis
        quote
        source {
          id
          title
          publisher
          publishedOn
          url
        }
      }
    }
  }
  milestones {
    id
    date
    precision
    titleZh
    titleEn
    kind
    endDate
    dateBasis
    source {
      id
      title
    }
  }
}
    `) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;