/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type SummaryQueryVariables = Exact<{
  from?: number | null | undefined;
  to?: number | null | undefined;
  language?: Types.SummaryLanguage | null | undefined;
}>;


export type SummaryQuery = { summary: { fromYear: number, toYear: number, language: Types.SummaryLanguage, includesDemo: boolean, quotesPublished: boolean, text: string, paragraphs: Array<{ text: string, segments: Array<{ kind: Types.SegmentKind, text: string, value: number | null, unit: string, demo: boolean, filter: { kpi: string, metric: string, fromYear: number, toYear: number } | null, published: { id: string, key: string, value: number, unit: string, qualifier: Types.FigureQualifier, quote: string, source: { id: string, title: string, publisher: string, publishedOn: string } } | null }> }> } };

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

export const SummaryDocument = new TypedDocumentString(`
    query Summary($from: Int, $to: Int, $language: SummaryLanguage) {
  summary(fromYear: $from, toYear: $to, language: $language) {
    fromYear
    toYear
    language
    includesDemo
    quotesPublished
    text
    paragraphs {
      text
      segments {
        kind
        text
        value
        unit
        demo
        filter {
          kpi
          metric
          fromYear
          toYear
        }
        published {
          id
          key
          value
          unit
          qualifier
          quote
          source {
            id
            title
            publisher
            publishedOn
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SummaryQuery, SummaryQueryVariables>;