/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** 会议培训活动的可写字段；引语与来源只由原文导入。What an editor sets on an event; quotes and sources come only from the article. */
export type CivilisationEventInput = {
  /** 日期（可选，不知道就不填）。Date, if known. */
  date?: string | null | undefined;
  /** 类型。Kind. */
  kind: EventKind;
  /** 地点。Place. */
  place?: string | null | undefined;
  /** 名称。Title. */
  title: string;
};

/** 会议培训活动类型。Kind of meeting or training. */
export type EventKind =
  /** 服务优化营商环境工作推进会。Meeting on services improving the business environment. */
  | 'BUSINESS_ENVIRONMENT_MEETING'
  /** 启动仪式。Launch ceremony. */
  | 'LAUNCH_CEREMONY'
  /** 观摩交流。Observation and exchange. */
  | 'OBSERVATION_EXCHANGE'
  /** 推进会。Progress meeting. */
  | 'PROGRESS_MEETING'
  /** 培训班。Training course. */
  | 'TRAINING';

export type CreateCivilisationEventMutationVariables = Exact<{
  input: Types.CivilisationEventInput;
}>;


export type CreateCivilisationEventMutation = { createCivilisationEvent: { id: string, title: string, version: number, demo: boolean } };

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

export const CreateCivilisationEventDocument = new TypedDocumentString(`
    mutation CreateCivilisationEvent($input: CivilisationEventInput!) {
  createCivilisationEvent(input: $input) {
    id
    title
    version
    demo
  }
}
    `) as unknown as TypedDocumentString<CreateCivilisationEventMutation, CreateCivilisationEventMutationVariables>;