/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 文明实践活动类型。Kind of practice activity. */
export type ActivityKind =
  /** “文明探源我来说”文物保护宣讲。Heritage-protection talk. */
  | 'HERITAGE_TALK'
  /** “四送一助力”结对帮创。Pairing activity. */
  | 'PAIRING'
  /** 河南省新时代文明实践推动周专题活动。Promotion-week thematic activity. */
  | 'PROMOTION_WEEK'
  /** 常态化活动。Routine activity. */
  | 'ROUTINE';

/** 文明实践“六大行动”之一。原文列出四项，另两项未具名。One of the six practice actions (六大行动); the article names four and leaves two unnamed. */
export type PracticeAction =
  /** 优质文化供给。Supplying quality culture. */
  | 'CULTURE'
  /** 服务惠民暖心。Services that benefit and warm the people. */
  | 'SERVICE'
  /** 党的创新理论传播。Spreading the Party's new theories. */
  | 'THEORY'
  /** 第五项，未具名（原文未列出）。The fifth action, unnamed: the article does not list it. */
  | 'UNNAMED_5'
  /** 第六项，未具名（原文未列出）。The sixth action, unnamed: the article does not list it. */
  | 'UNNAMED_6'
  /** 主流价值践行。Practising mainstream values. */
  | 'VALUES';

/** 文明实践活动的可写字段。What an editor sets on a practice activity. */
export type PracticeActivityInput = {
  /** 所属“六大行动”（可选；未具名的两项不可选；更新时省略则保留原值，显式 null 清除）。Practice action (optional; the two unnamed ones cannot be chosen). On an update, omitting it keeps the stored action and an explicit null clears it. */
  action?: PracticeAction | null | undefined;
  /** 实践中心（可选）。Practice centre, if any. */
  centerId?: string | null | undefined;
  /** 日期。Date. */
  date: string;
  /** 类型。Kind. */
  kind: ActivityKind;
  /** 参与人次（≥ 0）。Participants. */
  participants: number;
  /** 场次（≥ 1）。Sessions. */
  sessions: number;
  /** 主题。Theme. */
  theme: string;
  /** 单位。Unit. */
  unitId: string;
};

export type CreatePracticeActivityMutationVariables = Exact<{
  input: Types.PracticeActivityInput;
}>;


export type CreatePracticeActivityMutation = { createPracticeActivity: { id: string, date: string, theme: string, version: number } };

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

export const CreatePracticeActivityDocument = new TypedDocumentString(`
    mutation CreatePracticeActivity($input: PracticeActivityInput!) {
  createPracticeActivity(input: $input) {
    id
    date
    theme
    version
  }
}
    `) as unknown as TypedDocumentString<CreatePracticeActivityMutation, CreatePracticeActivityMutationVariables>;