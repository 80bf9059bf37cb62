/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './graphql';

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ProgressQueryVariables = Exact<{
  from?: number | null | undefined;
  to?: number | null | undefined;
  cumulative?: boolean | null | undefined;
}>;


export type ProgressQuery = { honorsTotal: Array<{ year: number, value: number, target: number | null }>, honorsNational: Array<{ year: number, value: number, target: number | null }>, honorsProvincial: Array<{ year: number, value: number, target: number | null }>, honorsDirect: Array<{ year: number, value: number, target: number | null }>, honorsTreatment: Array<{ year: number, value: number, target: number | null }>, honorsRecommended: Array<{ year: number, value: number, target: number | null }>, volunteerHours: Array<{ year: number, value: number, target: number | null }>, volunteers: Array<{ year: number, value: number, target: number | null }>, practiceActivities: Array<{ year: number, value: number, target: number | null }>, averageScore: Array<{ year: number, value: number, target: number | null }>, goodPeople: Array<{ year: number, value: number, target: number | null }>, moralModels: Array<{ year: number, value: number, target: number | null }> };

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

export const ProgressDocument = new TypedDocumentString(`
    query Progress($from: Int, $to: Int, $cumulative: Boolean) {
  honorsTotal: progress(
    metric: HONORS_TOTAL
    fromYear: $from
    toYear: $to
    cumulative: $cumulative
  ) {
    year
    value
    target
  }
  honorsNational: progress(
    metric: HONORS_NATIONAL
    fromYear: $from
    toYear: $to
    cumulative: $cumulative
  ) {
    year
    value
    target
  }
  honorsProvincial: progress(
    metric: HONORS_PROVINCIAL
    fromYear: $from
    toYear: $to
    cumulative: $cumulative
  ) {
    year
    value
    target
  }
  honorsDirect: progress(
    metric: HONORS_PROVINCIAL_DIRECT
    fromYear: $from
    toYear: $to
    cumulative: $cumulative
  ) {
    year
    value
    target
  }
  honorsTreatment: progress(
    metric: HONORS_TREATMENT_RECOGNISED
    fromYear: $from
    toYear: $to
    cumulative: $cumulative
  ) {
    year
    value
    target
  }
  honorsRecommended: progress(
    metric: HONORS_RECOMMENDED
    fromYear: $from
    toYear: $to
    cumulative: $cumulative
  ) {
    year
    value
    target
  }
  volunteerHours: progress(
    metric: VOLUNTEER_HOURS
    fromYear: $from
    toYear: $to
    cumulative: $cumulative
  ) {
    year
    value
    target
  }
  volunteers: progress(
    metric: VOLUNTEERS
    fromYear: $from
    toYear: $to
    cumulative: $cumulative
  ) {
    year
    value
    target
  }
  practiceActivities: progress(
    metric: PRACTICE_ACTIVITIES
    fromYear: $from
    toYear: $to
    cumulative: $cumulative
  ) {
    year
    value
    target
  }
  averageScore: progress(
    metric: AVERAGE_ASSESSMENT_SCORE
    fromYear: $from
    toYear: $to
    cumulative: false
  ) {
    year
    value
    target
  }
  goodPeople: progress(
    metric: GOOD_PEOPLE
    fromYear: $from
    toYear: $to
    cumulative: $cumulative
  ) {
    year
    value
    target
  }
  moralModels: progress(
    metric: MORAL_MODELS
    fromYear: $from
    toYear: $to
    cumulative: $cumulative
  ) {
    year
    value
    target
  }
}
    `) as unknown as TypedDocumentString<ProgressQuery, ProgressQueryVariables>;