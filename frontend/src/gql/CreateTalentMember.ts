/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 人才库成员的可写字段。What an editor sets on a talent-pool member. */
export type TalentMemberInput = {
  /** 姓名。Name. */
  name: string;
  /** 承担的工作（至少一项）。Work served in (at least one). */
  roles: Array<TalentRole>;
  /** 入库年份。Year joined. */
  sinceYear: number;
  /** 所在单位（可选）。Unit, if any. */
  unitId?: string | null | undefined;
};

/** 人才库成员承担的工作（原文：网络评审、实地考察、先进评选等）。Work a talent-pool member serves in. */
export type TalentRole =
  /** 先进评选。Selection of exemplars. */
  | 'ADVANCED_SELECTION'
  /** 网络评审。Online review. */
  | 'ONLINE_REVIEW'
  /** 实地考察。Site visits. */
  | 'SITE_VISIT';

export type CreateTalentMemberMutationVariables = Exact<{
  input: Types.TalentMemberInput;
}>;


export type CreateTalentMemberMutation = { createTalentMember: { id: string, name: string, version: number, demo: boolean } };

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

export const CreateTalentMemberDocument = new TypedDocumentString(`
    mutation CreateTalentMember($input: TalentMemberInput!) {
  createTalentMember(input: $input) {
    id
    name
    version
    demo
  }
}
    `) as unknown as TypedDocumentString<CreateTalentMemberMutation, CreateTalentMemberMutationVariables>;