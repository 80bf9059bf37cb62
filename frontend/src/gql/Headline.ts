/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type HeadlineQueryVariables = Exact<{
  from?: number | null | undefined;
  to?: number | null | undefined;
}>;


export type HeadlineQuery = { headline: { fromYear: number, toYear: number, numbers: Array<{ key: string, labelZh: string, labelEn: string, unit: string, value: number, year: number, yearValue: number, previousValue: number, change: number | null, target: number | null, completion: number | null }>, leaders: Array<{ rank: number, previousRank: number | null, score: number, unit: { id: string, name: string } }> } };

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

export const HeadlineDocument = new TypedDocumentString(`
    query Headline($from: Int, $to: Int) {
  headline(fromYear: $from, toYear: $to) {
    fromYear
    toYear
    numbers {
      key
      labelZh
      labelEn
      unit
      value
      year
      yearValue
      previousValue
      change
      target
      completion
    }
    leaders {
      rank
      previousRank
      score
      unit {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HeadlineQuery, HeadlineQueryVariables>;