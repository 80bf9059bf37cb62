/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/**
 * 捐赠的可写字段。箱数与批次只用于物资；现金金额须大于 0；物资须有价值或箱数；日期须在专项行动起止日期内。
 * What an editor sets on a donation. Boxes and batches are for materials only; cash is at least 1 yuan; materials need a
 * value or boxes; the date must fall within the campaign's dates.
 */
export type DonationInput = {
  /** 金额或物资价值（整数元，字符串或整数，0–10000000000）。Amount or value in whole yuan, as a string or an integer. */
  amount: string;
  /** 批次（物资，1–1000）。Shipment number, for materials. */
  batch?: number | null | undefined;
  /** 箱数（物资，0–1000000，默认 0）。Boxes, for materials. */
  boxes?: number | null | undefined;
  /** 专项行动。Campaign. */
  campaignId: string;
  /** 日期。Date. */
  date: string;
  /** 说明。Description. */
  description?: string | null | undefined;
  /** 类型：现金或物资。Cash or materials. */
  kind: DonationKind;
  /** 捐赠单位（可选）。Donating unit, if known. */
  unitId?: string | null | undefined;
};

/** 捐赠类型。Kind of donation. */
export type DonationKind =
  /** 现金。Cash. */
  | 'CASH'
  /** 物资。Materials, valued in yuan. */
  | 'MATERIAL';

export type CreateDonationMutationVariables = Exact<{
  input: Types.DonationInput;
}>;


export type CreateDonationMutation = { createDonation: { id: string, amount: string, date: string, version: number } };

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

export const CreateDonationDocument = new TypedDocumentString(`
    mutation CreateDonation($input: DonationInput!) {
  createDonation(input: $input) {
    id
    amount
    date
    version
  }
}
    `) as unknown as TypedDocumentString<CreateDonationMutation, CreateDonationMutationVariables>;