/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 微心愿的可写字段。What an editor sets on a wish. */
export type WishInput = {
  /** 心愿所在村（社区）。Village or community. */
  beneficiary: string;
  /** 征集日期。Date collected. */
  collectedOn: string;
  /** 备注。Note. */
  note?: string | null | undefined;
  /** 所属结对帮创（可选）。Pairing, if any. */
  pairingId?: string | null | undefined;
  /** 阶段。Stage. */
  stage: WishStage;
  /** 心愿内容。What is wished for. */
  title: string;
  /** 认领单位：认领、实施阶段必填，此前不填。Claiming unit: required from CLAIMED on, absent before. */
  unitId?: string | null | undefined;
};

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

export type CreateWishMutationVariables = Exact<{
  input: Types.WishInput;
}>;


export type CreateWishMutation = { createWish: { id: string, title: string, stage: Types.WishStage, version: number, demo: boolean } };

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

export const CreateWishDocument = new TypedDocumentString(`
    mutation CreateWish($input: WishInput!) {
  createWish(input: $input) {
    id
    title
    stage
    version
    demo
  }
}
    `) as unknown as TypedDocumentString<CreateWishMutation, CreateWishMutationVariables>;