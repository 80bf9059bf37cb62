/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 数值的依据。Where a value comes from, so that a fact can be told from configuration or an estimate. */
export type Basis =
  /** 默认配置：随系统提供的配置，尚未经本办确认。Shipped configuration nobody has confirmed yet. */
  | 'DEFAULT'
  /** 估计：本系统的估计，如专项行动的结束日期。Our own estimate, such as a campaign's end date. */
  | 'ESTIMATE'
  /** 本办录入：由本办填写，如目标、管理员设定的权重。Entered by the office, such as targets and weights an admin sets. */
  | 'OFFICE'
  /** 公布：出自来源文档。Published in a source document. */
  | 'PUBLISHED';

/** 专项行动类型。Kind of relief campaign. */
export type CampaignKind =
  /** 对外援助。Aid to other provinces. */
  | 'AID'
  /** 疫情防控。Epidemic response. */
  | 'EPIDEMIC'
  /** 抗洪救灾。Flood relief. */
  | 'FLOOD';

export type CampaignForEditQueryVariables = Exact<{
  id: string;
}>;


export type CampaignForEditQuery = { node:
    | { id: string, code: string, nameZh: string, nameEn: string, kind: Types.CampaignKind, startDate: string, startBasis: Types.Basis, endDate: string | null, endBasis: Types.Basis, description: string, version: number }
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

export const CampaignForEditDocument = new TypedDocumentString(`
    query CampaignForEdit($id: ID!) {
  node(id: $id) {
    ... on Campaign {
      id
      code
      nameZh
      nameEn
      kind
      startDate
      startBasis
      endDate
      endBasis
      description
      version
    }
  }
}
    `) as unknown as TypedDocumentString<CampaignForEditQuery, CampaignForEditQueryVariables>;