/** How `next` must relate to `previous`: Confluent Schema Registry's modes (see compatibility.ts). */
export const CompatibilityMode = { Backward: 'backward', Forward: 'forward', Full: 'full', None: 'none' } as const;
export type CompatibilityMode = (typeof CompatibilityMode)[keyof typeof CompatibilityMode];

export const CompatibilityDirection = { Backward: 'backward', Forward: 'forward' } as const;
export type CompatibilityDirection = (typeof CompatibilityDirection)[keyof typeof CompatibilityDirection];

export const CompatibilityRule = {
  InvalidSchema: 'invalid-schema',
  TypeChanged: 'type-changed',
  TypeNarrowed: 'type-narrowed',
  EnumAdded: 'enum-added',
  EnumNarrowed: 'enum-narrowed',
  RangeNarrowed: 'range-narrowed',
  PatternChanged: 'pattern-changed',
  FormatChanged: 'format-changed',
  RequiredAdded: 'required-added',
  ClosedContentModel: 'closed-content-model',
  NothingAllowed: 'nothing-allowed',
  NoMatchingBranch: 'no-matching-branch',
  NotAnalysed: 'not-analysed',
} as const;
export type CompatibilityRule = (typeof CompatibilityRule)[keyof typeof CompatibilityRule];

export interface CompatibilityIssue {
  readonly direction: CompatibilityDirection;
  /** Where in the data, as a JSON Pointer; `*` stands for any array item or any undeclared property. */
  readonly path: string;
  readonly rule: CompatibilityRule;
  readonly message: string;
}

export interface CompatibilityResult {
  readonly compatible: boolean;
  readonly issues: readonly CompatibilityIssue[];
}
