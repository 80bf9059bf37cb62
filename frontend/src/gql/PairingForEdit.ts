/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type PairingForEditQueryVariables = Exact<{
  id: string;
}>;


export type PairingForEditQuery = { node:
    | { id: string, township: string, sinceYear: number, contents: Array<Types.PairingContent>, demo: boolean, version: number, unit: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean }, center: { id: string, name: string, county: string } | null }
    | Record<PropertyKey, never>
   | null };

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

export const PairingForEditDocument = new TypedDocumentString(`
    query PairingForEdit($id: ID!) {
  node(id: $id) {
    ... on Pairing {
      id
      township
      sinceYear
      contents
      demo
      version
      unit {
        id
        name
        kind
        campus
        serviceWindow
      }
      center {
        id
        name
        county
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PairingForEditQuery, PairingForEditQueryVariables>;