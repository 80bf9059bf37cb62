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

export type UnitPracticeRecordsQueryVariables = Exact<{
  id: string;
  unitId: string;
}>;


export type UnitPracticeRecordsQuery = { unit: { id: string, name: string, demo: boolean, practiceLinks: Array<{ id: string, sinceYear: number, demo: boolean, version: number, center: { id: string, name: string, county: string } }>, pairings: Array<{ id: string, township: string, sinceYear: number, contents: Array<Types.PairingContent>, demo: boolean, version: number, center: { id: string, name: string, county: string } | null }> } | null, practiceActivities: { totalCount: number, edges: Array<{ node: { id: string, date: string, kind: Types.ActivityKind, theme: string, sessions: number, participants: number, action: Types.PracticeAction | null, demo: boolean, version: number, center: { id: string, name: string } | null } }> } };

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

export const UnitPracticeRecordsDocument = new TypedDocumentString(`
    query UnitPracticeRecords($id: ID!, $unitId: ID!) {
  unit(id: $id) {
    id
    name
    demo
    practiceLinks {
      id
      sinceYear
      demo
      version
      center {
        id
        name
        county
      }
    }
    pairings {
      id
      township
      sinceYear
      contents
      demo
      version
      center {
        id
        name
        county
      }
    }
  }
  practiceActivities(filter: {unitId: $unitId}, first: 100) {
    totalCount
    edges {
      node {
        id
        date
        kind
        theme
        sessions
        participants
        action
        demo
        version
        center {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UnitPracticeRecordsQuery, UnitPracticeRecordsQueryVariables>;