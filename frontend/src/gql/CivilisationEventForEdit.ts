/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type CivilisationEventForEditQueryVariables = Exact<{
  id: string;
}>;


export type CivilisationEventForEditQuery = { node:
    | { id: string, kind: Types.EventKind, title: string, date: string | null, dated: boolean, place: string, quote: string, demo: boolean, version: number, source: { title: string } | null }
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

export const CivilisationEventForEditDocument = new TypedDocumentString(`
    query CivilisationEventForEdit($id: ID!) {
  node(id: $id) {
    ... on CivilisationEvent {
      id
      kind
      title
      date
      dated
      place
      quote
      demo
      version
      source {
        title
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CivilisationEventForEditQuery, CivilisationEventForEditQueryVariables>;