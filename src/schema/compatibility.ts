/*
 * Schema compatibility, as Confluent Schema Registry's JSON Schema rules, simplified.
 *
 * - backward: a reader on the NEW schema can read data written with the OLD one
 *   (every value valid under old is valid under new, once the reader fills in defaults);
 * - forward: a reader on the OLD schema can read data written with the NEW one;
 * - full: both; none: no check.
 *
 * Both directions are one question — can a reader's schema R read what a writer's schema W allows? —
 * asked of (W = old, R = new) for backward and (W = new, R = old) for forward. R reads W when:
 *
 * type-changed / type-narrowed   every type W allows, R allows (R may add types; integer → number widens).
 * enum-added / enum-narrowed     a W with enum/const: each of its values must be valid under R
 *                                (removing an enum value breaks backward; adding one breaks forward);
 *                                an R with enum/const where W had none breaks.
 * range-narrowed                 R's minimum/exclusiveMinimum, minLength, minItems are no higher than
 *                                W's, and its maxima no lower (adding a bound W lacked breaks).
 * pattern-changed / format-changed  a pattern or format R has, W has identically.
 * required-added                 a property R requires, W requires too, or R gives it a `default`
 *                                (the reader fills it in: see applyDefaults).
 * closed-content-model           a property W declares that R does not, R's additionalProperties must
 *                                accept (false refuses it); closing an open model refuses every
 *                                undeclared property W allowed.
 * nothing-allowed                R is `false` where W allows a value.
 * no-matching-branch             with anyOf/oneOf in R, what W allows fits one branch.
 * Properties, items and additionalProperties are compared in depth, through $ref; anyOf/oneOf in W
 * are compared branch by branch, allOf in W merged first.
 *
 * Simplifications, said plainly:
 * - A property R declares and W does not is taken to be absent from W's data even when W's content
 *   model is open. Confluent reports such an addition (PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL); here
 *   adding an optional property is compatible, as people expect.
 * - oneOf is compared as anyOf: a value that comes to match two branches is not detected.
 * - Where two schemas cannot be merged exactly (allOf of differing patterns, say) the check errs
 *   towards reporting an issue, never towards missing one.
 */
import { checkSchema } from './checkSchema';
import { readIssues } from './readIssues';
import type { JsonSchema } from './jsonSchema';
import {
  CompatibilityMode,
  CompatibilityRule,
  type CompatibilityDirection,
  type CompatibilityResult,
} from './compatibilityRules';

/** Whether `next` may follow `previous` under `mode`, and if not, every field that breaks and why. */
export function checkCompatibility(
  previous: JsonSchema,
  next: JsonSchema,
  mode: CompatibilityMode,
): CompatibilityResult {
  if (mode === CompatibilityMode.None) return { compatible: true, issues: [] };
  const invalid = [
    ...checkSchema(previous).map((p) => ({ ...p, message: `the old schema: ${p.message}` })),
    ...checkSchema(next).map((p) => ({ ...p, message: `the new schema: ${p.message}` })),
  ];
  const directions: CompatibilityDirection[] =
    mode === CompatibilityMode.Full
      ? ['backward', 'forward']
      : [mode === CompatibilityMode.Backward ? 'backward' : 'forward'];
  if (invalid.length > 0) {
    const issues = invalid.map((p) => ({
      direction: directions[0] as CompatibilityDirection,
      path: p.path,
      rule: CompatibilityRule.InvalidSchema,
      message: p.message,
    }));
    return { compatible: false, issues };
  }
  const issues = directions.flatMap((direction) =>
    direction === 'backward'
      ? readIssues(previous, next, direction, 'old', 'new')
      : readIssues(next, previous, direction, 'new', 'old'),
  );
  return { compatible: issues.length === 0, issues };
}
