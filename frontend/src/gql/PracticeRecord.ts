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

/** 人才库成员承担的工作（原文：网络评审、实地考察、先进评选等）。Work a talent-pool member serves in. */
export type TalentRole =
  /** 先进评选。Selection of exemplars. */
  | 'ADVANCED_SELECTION'
  /** 网络评审。Online review. */
  | 'ONLINE_REVIEW'
  /** 实地考察。Site visits. */
  | 'SITE_VISIT';

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

export type PracticeRecordQueryVariables = Exact<{ [key: string]: never; }>;


export type PracticeRecordQuery = { practiceActions: Array<{ code: Types.PracticeAction, position: number, nameZh: string, nameEn: string, identified: boolean, quote: string, note: string, activities: number, demoActivities: number, sessions: number, source: { title: string } | null }>, pairingContentCounts: Array<{ item: Types.PairingContent, nameZh: string, pairings: number, demoPairings: number, quote: string, source: { title: string } | null }>, wishFunnel: Array<{ stage: Types.WishStage, atStage: number, reached: number, demoAtStage: number, demoReached: number }>, wishes: { totalCount: number, edges: Array<{ node: { id: string, title: string, beneficiary: string, stage: Types.WishStage, collectedOn: string, note: string, demo: boolean, version: number, pairing: { id: string, township: string, unit: { name: string } } | null, claimedBy: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean } | null } }> }, caseCompilations: Array<{ id: string, title: string, quote: string, demo: boolean, caseCount: number, demoCaseCount: number, source: { title: string } | null }>, excellentCases: { totalCount: number, edges: Array<{ node: { id: string, title: string, year: number | null, summary: string, demo: boolean, version: number, compilation: { id: string, title: string }, unit: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean } | null } }> }, talentPool: { name: string, quote: string, members: number, demoMembers: number, byRole: Array<{ role: Types.TalentRole, members: number, demoMembers: number }>, source: { title: string } | null }, talentMembers: { totalCount: number, edges: Array<{ node: { id: string, name: string, sinceYear: number, roles: Array<Types.TalentRole>, demo: boolean, version: number, unit: { id: string, name: string, kind: string, campus: boolean, serviceWindow: boolean } | null } }> }, civilisationEvents: { totalCount: number, edges: Array<{ node: { id: string, kind: Types.EventKind, title: string, date: string | null, dated: boolean, place: string, quote: string, demo: boolean, version: number, source: { title: string } | null, milestone: { date: string } | null } }> } };

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

export const PracticeRecordDocument = new TypedDocumentString(`
    query PracticeRecord {
  practiceActions {
    code
    position
    nameZh
    nameEn
    identified
    quote
    note
    activities
    demoActivities
    sessions
    source {
      title
    }
  }
  pairingContentCounts {
    item
    nameZh
    pairings
    demoPairings
    quote
    source {
      title
    }
  }
  wishFunnel {
    stage
    atStage
    reached
    demoAtStage
    demoReached
  }
  wishes(first: 10) {
    totalCount
    edges {
      node {
        id
        title
        beneficiary
        stage
        collectedOn
        note
        demo
        version
        pairing {
          id
          township
          unit {
            name
          }
        }
        claimedBy {
          id
          name
          kind
          campus
          serviceWindow
        }
      }
    }
  }
  caseCompilations {
    id
    title
    quote
    demo
    caseCount
    demoCaseCount
    source {
      title
    }
  }
  excellentCases(first: 20) {
    totalCount
    edges {
      node {
        id
        title
        year
        summary
        demo
        version
        compilation {
          id
          title
        }
        unit {
          id
          name
          kind
          campus
          serviceWindow
        }
      }
    }
  }
  talentPool {
    name
    quote
    members
    demoMembers
    byRole {
      role
      members
      demoMembers
    }
    source {
      title
    }
  }
  talentMembers(first: 20) {
    totalCount
    edges {
      node {
        id
        name
        sinceYear
        roles
        demo
        version
        unit {
          id
          name
          kind
          campus
          serviceWindow
        }
      }
    }
  }
  civilisationEvents(first: 50) {
    totalCount
    edges {
      node {
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
        milestone {
          date
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PracticeRecordQuery, PracticeRecordQueryVariables>;