/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 专项行动的可写字段。What an editor sets on a campaign. */
export type CampaignInput = {
  /** 代码（大写字母、数字、下划线；创建后不可修改）。Code; cannot change once created. */
  code: string;
  /** 说明。Description. */
  description?: string | null | undefined;
  /** 结束日期（不早于开始日期）。End date, not before the start. */
  endDate?: string | null | undefined;
  /** 类型。Kind. */
  kind: CampaignKind;
  /** 英文名称。English name. */
  nameEn: string;
  /** 中文名称。Chinese name. */
  nameZh: string;
  /** 开始日期。Start date. */
  startDate: string;
};

/** 专项行动类型。Kind of relief campaign. */
export type CampaignKind =
  /** 对外援助。Aid to other provinces. */
  | 'AID'
  /** 疫情防控。Epidemic response. */
  | 'EPIDEMIC'
  /** 抗洪救灾。Flood relief. */
  | 'FLOOD';

export type UpdateCampaignMutationVariables = Exact<{
  id: string;
  expectedVersion: number;
  input: Types.CampaignInput;
}>;


export type UpdateCampaignMutation = { updateCampaign: { id: string, code: string, nameZh: string, nameEn: string, version: number } };

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

export const UpdateCampaignDocument = new TypedDocumentString(`
    mutation UpdateCampaign($id: ID!, $expectedVersion: Int!, $input: CampaignInput!) {
  updateCampaign(id: $id, expectedVersion: $expectedVersion, input: $input) {
    id
    code
    nameZh
    nameEn
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateCampaignMutation, UpdateCampaignMutationVariables>;