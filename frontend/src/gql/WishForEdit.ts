/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type WishForEditQueryVariables = Exact<{
  id: string;
}>;


export type WishForEditQuery = { node:
    | { id: string, title: string, beneficiary: string, stage: Types.WishStage, collectedOn: string, note: string, demo: boolean, version: number, pairing: { id: string, township: string, unit: { name: string } } | null, claimedBy: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean } | null }
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

export const WishForEditDocument = new TypedDocumentString(`
    query WishForEdit($id: ID!) {
  node(id: $id) {
    ... on Wish {
      id
      title
      beneficiary
      stage
      collectedOn
      note
      demo
      version
      pairing {
        id
        township
        unit {
          name
        }
      }
      claimedBy {
        id
        name
        kind
        campus
        serviceWindow
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WishForEditQuery, WishForEditQueryVariables>;