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

export type CampaignDonationsAdminQueryVariables = Exact<{ [key: string]: never; }>;


export type CampaignDonationsAdminQuery = { campaigns: Array<{ id: string, code: string, nameZh: string, nameEn: string, startDate: string, endDate: string | null, version: number, donations: Array<{ id: string, kind: Types.DonationKind, amount: string, boxes: number, batch: number | null, date: string, demo: boolean, version: number, unit: { id: string, name: string } | null }> }> };

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

export const CampaignDonationsAdminDocument = new TypedDocumentString(`
    query CampaignDonationsAdmin {
  campaigns {
    id
    code
    nameZh
    nameEn
    startDate
    endDate
    version
    donations {
      id
      kind
      amount
      boxes
      batch
      date
      demo
      version
      unit {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CampaignDonationsAdminQuery, CampaignDonationsAdminQueryVariables>;