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

/** 结对帮创的可写字段。What an editor sets on a pairing. */
export type PairingInput = {
  /** 所在实践中心（县，可选；演示记录不可填）。County centre, if any; demo pairings cannot name one. */
  centerId?: string | null | undefined;
  /** “四送一助力”内容（整体替换；更新时省略则保留原值，显式 null 清空）。Contents, replaced as a whole. On an update, omitting them keeps the stored ones and an explicit null clears them. */
  contents?: Array<PairingContent> | null | undefined;
  /** 开始年份。Year the pairing began. */
  sinceYear: number;
  /** 乡镇名称（同一单位不可重复）。Township; one pairing per unit and township. */
  township: string;
  /** 单位。Unit. */
  unitId: string;
};

export type UpdatePairingMutationVariables = Exact<{
  id: string;
  expectedVersion: number;
  input: Types.PairingInput;
}>;


export type UpdatePairingMutation = { updatePairing: { id: string, township: string, version: number } };

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

export const UpdatePairingDocument = new TypedDocumentString(`
    mutation UpdatePairing($id: ID!, $expectedVersion: Int!, $input: PairingInput!) {
  updatePairing(id: $id, expectedVersion: $expectedVersion, input: $input) {
    id
    township
    version
  }
}
    `) as unknown as TypedDocumentString<UpdatePairingMutation, UpdatePairingMutationVariables>;