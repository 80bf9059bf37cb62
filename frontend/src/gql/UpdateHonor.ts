/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/**
 * 荣誉的可写字段。获得者须与类别的获得者类型一致：单位类（UNIT）须为非校园单位，校园类（CAMPUS）须为高校或中小学，窗口类（WINDOW）须为窗口单位，个人类（PERSON）须指定人物，项目类须指定项目。
 * What an editor sets on an honour. The recipient must match the category's recipient kind.
 */
export type HonorInput = {
  /** 荣誉类别代码，如 PROVINCIAL_UNIT。Category code. */
  categoryCode: string;
  /** 日期（须在该年内）。Date, within the year. */
  date?: string | null | undefined;
  /** 届次，如 第六届。Edition. */
  edition?: string | null | undefined;
  /** 获得者（个人类必填）。Person, for PERSON categories. */
  personId?: string | null | undefined;
  /** 志愿服务项目（项目类必填）。Volunteer project, for PROJECT categories. */
  projectId?: string | null | undefined;
  /** 获得者名称（默认取单位、人物或项目名称）。Recipient display name; defaults to the recipient's name. */
  recipientName?: string | null | undefined;
  /** 状态（默认取类别的默认状态）。Status; defaults to the category's. */
  status?: HonorStatus | null | undefined;
  /** 获得单位（单位、校园、窗口类必填；个人类默认取人物所在单位）。Unit. */
  unitId?: string | null | undefined;
  /** 年份（1949–2100）。Year. */
  year: number;
};

/** 荣誉状态。Status of an honour. */
export type HonorStatus =
  /** 获评。Awarded. */
  | 'AWARDED'
  /** 提名/候选。Nominated or candidate. */
  | 'NOMINATED'
  /** 推荐。Recommended to a higher level. */
  | 'RECOMMENDED'
  /** 享受待遇认定。Recognised as enjoying the treatment of a title (享受…待遇). */
  | 'TREATMENT_RECOGNISED';

export type UpdateHonorMutationVariables = Exact<{
  id: string;
  expectedVersion: number;
  input: Types.HonorInput;
}>;


export type UpdateHonorMutation = { updateHonor: { id: string, version: number, recipientName: string, year: number } };

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

export const UpdateHonorDocument = new TypedDocumentString(`
    mutation UpdateHonor($id: ID!, $expectedVersion: Int!, $input: HonorInput!) {
  updateHonor(id: $id, expectedVersion: $expectedVersion, input: $input) {
    id
    version
    recipientName
    year
  }
}
    `) as unknown as TypedDocumentString<UpdateHonorMutation, UpdateHonorMutationVariables>;