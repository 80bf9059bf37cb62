/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 捐赠类型。Kind of donation. */
export type DonationKind =
  /** 现金。Cash. */
  | 'CASH'
  /** 物资。Materials, valued in yuan. */
  | 'MATERIAL';

export type DonationForEditQueryVariables = Exact<{
  id: string;
}>;


export type DonationForEditQuery = { node:
    | { id: string, kind: Types.DonationKind, amount: string, boxes: number, batch: number | null, date: string, description: string, demo: boolean, version: number, campaign: { id: string, nameZh: string, nameEn: string, startDate: string, endDate: string | null }, unit: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean } | null }
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

export const DonationForEditDocument = new TypedDocumentString(`
    query DonationForEdit($id: ID!) {
  node(id: $id) {
    ... on Donation {
      id
      kind
      amount
      boxes
      batch
      date
      description
      demo
      version
      campaign {
        id
        nameZh
        nameEn
        startDate
        endDate
      }
      unit {
        id
        name
        kind
        campus
        serviceWindow
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DonationForEditQuery, DonationForEditQueryVariables>;