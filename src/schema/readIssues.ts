import { childPointer } from './jsonPointer';
import {
  ASSERTION_KEYWORDS,
  entry,
  isSchemaObject,
  keyword,
  typesOf,
  type JsonSchema,
  type SchemaObject,
  type SchemaType,
} from './jsonSchema';
import { showValue } from './jsonValue';
import { deref, mergeSchemas } from './mergeSchemas';
import { CompatibilityRule, type CompatibilityDirection, type CompatibilityIssue } from './compatibilityRules';
import { validateAgainst } from './validate';

interface Compare {
  readonly writerRoot: JsonSchema;
  readonly readerRoot: JsonSchema;
  readonly direction: CompatibilityDirection;
  /** 'old' or 'new', for messages. */
  readonly writer: string;
  readonly reader: string;
  readonly issues: CompatibilityIssue[];
  /** (writer, reader) pairs being compared: recursion through $ref stops where it started. */
  readonly inProgress: Map<object, Set<object>>;
}

// Recursive schemas are cut by `inProgress`; this only bounds the merged ones.
const MAX_DEPTH = 100;
const ALL_TYPES: readonly SchemaType[] = ['null', 'boolean', 'object', 'array', 'number', 'string'];

/** Whatever the writer's schema allows that the reader's refuses (the rules are in compatibility.ts). */
export function readIssues(
  writerRoot: JsonSchema,
  readerRoot: JsonSchema,
  direction: CompatibilityDirection,
  writer: string,
  reader: string,
): CompatibilityIssue[] {
  const c: Compare = { writerRoot, readerRoot, direction, writer, reader, issues: [], inProgress: new Map() };
  compare(c, writerRoot, readerRoot, '', 0);
  return c.issues;
}

function report(c: Compare, path: string, rule: CompatibilityRule, message: string): void {
  c.issues.push({ direction: c.direction, path, rule, message });
}

const unconstrained = (s: SchemaObject): boolean => !ASSERTION_KEYWORDS.some((kw) => Object.hasOwn(s, kw));

function without<K extends keyof SchemaObject>(schema: SchemaObject, ...keys: K[]): SchemaObject {
  const copy: Record<string, unknown> = { ...schema };
  for (const key of keys) delete copy[key];
  return copy;
}

/** Whether what `w` allows, the reader's `r` accepts; what does not fit is reported at `path`. */
function compare(c: Compare, writerSchema: JsonSchema, readerSchema: JsonSchema, path: string, depth: number): void {
  const w = deref(c.writerRoot, writerSchema);
  const r = deref(c.readerRoot, readerSchema);
  if (r === true || (isSchemaObject(r) && unconstrained(r)) || w === false) return;
  if (depth > MAX_DEPTH) return report(c, path, CompatibilityRule.NotAnalysed, 'too deeply nested to compare');
  if (r === false)
    return report(
      c,
      path,
      CompatibilityRule.NothingAllowed,
      `the ${c.reader} schema allows nothing here, where ${c.writer} data may hold a value`,
    );
  const W: SchemaObject = w === true ? {} : w;
  const seen = c.inProgress.get(W) ?? new Set<object>();
  if (seen.has(r)) return;
  c.inProgress.set(W, seen.add(r));
  try {
    compareWriter(c, W, r, path, depth);
  } finally {
    seen.delete(r);
  }
}

/** Takes the writer's combinators apart: each anyOf/oneOf branch on its own, allOf merged. */
function compareWriter(c: Compare, w: SchemaObject, r: SchemaObject, path: string, depth: number): void {
  const union = keyword(w, 'anyOf') ?? keyword(w, 'oneOf');
  if (union) {
    const rest = without(w, keyword(w, 'anyOf') ? 'anyOf' : 'oneOf');
    for (const branch of union) compare(c, mergeSchemas(c.writerRoot, [rest, branch]), r, path, depth + 1);
    return;
  }
  if (keyword(w, 'allOf')) return compare(c, mergeSchemas(c.writerRoot, [w]), r, path, depth + 1);
  const values = Object.hasOwn(w, 'const') ? [w.const] : keyword(w, 'enum');
  if (values) return compareValues(c, w, values, r, path);
  compareReader(c, w, r, path, depth);
}

/** A writer that lists its values is compatible exactly when the reader accepts each value it can write. */
function compareValues(c: Compare, w: SchemaObject, values: readonly unknown[], r: SchemaObject, path: string): void {
  for (const value of values) {
    if (validateAgainst(c.writerRoot, w, value).length > 0) continue;
    const errors = validateAgainst(c.readerRoot, r, value);
    const first = errors[0];
    if (first) {
      report(
        c,
        path,
        CompatibilityRule.EnumNarrowed,
        `${c.writer} data may hold ${showValue(value)} here, which the ${c.reader} schema refuses (${first.path || 'value'} ${first.message})`,
      );
    }
  }
}

/** Takes the reader's combinators apart: every allOf branch must accept, one anyOf/oneOf branch must. */
function compareReader(c: Compare, w: SchemaObject, r: SchemaObject, path: string, depth: number): void {
  for (const branch of keyword(r, 'allOf') ?? []) compare(c, w, branch, path, depth + 1);
  const kw = keyword(r, 'anyOf') ? 'anyOf' : keyword(r, 'oneOf') ? 'oneOf' : undefined;
  const branches = kw === undefined ? undefined : keyword(r, kw);
  if (kw !== undefined && branches) {
    const types = typesOf(w);
    const pieces = types && types.length > 1 ? types.map((type) => ({ ...w, type })) : [w];
    for (const piece of pieces) matchBranch(c, piece, kw, branches, path, depth);
  }
  compareKeywords(c, w, without(r, 'allOf', 'anyOf', 'oneOf'), path, depth);
}

function matchBranch(
  c: Compare,
  w: SchemaObject,
  kw: string,
  branches: readonly JsonSchema[],
  path: string,
  depth: number,
): void {
  let closest: CompatibilityIssue[] | undefined;
  for (const branch of branches) {
    const trial: Compare = { ...c, issues: [] };
    compare(trial, w, branch, path, depth + 1);
    if (trial.issues.length === 0) return;
    if (!closest || trial.issues.length < closest.length) closest = trial.issues;
  }
  const hint = closest?.[0] ? ` (closest: ${closest[0].message})` : '';
  report(
    c,
    path,
    CompatibilityRule.NoMatchingBranch,
    `${c.writer} data here fits none of the ${c.reader} schema's ${kw} branches${hint}`,
  );
}

const accepts = (types: readonly SchemaType[], type: SchemaType): boolean =>
  types.includes(type) || (type === 'integer' && types.includes('number'));
const listTypes = (types: readonly SchemaType[]): string => types.join(' or ');

function compareKeywords(c: Compare, w: SchemaObject, r: SchemaObject, path: string, depth: number): void {
  if (unconstrained(r)) return;
  const rValues = Object.hasOwn(r, 'const') ? [r.const] : keyword(r, 'enum');
  if (rValues) {
    return report(
      c,
      path,
      CompatibilityRule.EnumAdded,
      `the ${c.reader} schema allows only ${rValues.map(showValue).join(', ')} here, ${c.writer} data may hold other values`,
    );
  }

  const wTypes = typesOf(w) ?? ALL_TYPES;
  const rTypes = typesOf(r) ?? ALL_TYPES;
  const common = wTypes.filter((t) => accepts(rTypes, t));
  if (common.length === 0 && !(wTypes.includes('number') && rTypes.includes('integer'))) {
    return report(
      c,
      path,
      CompatibilityRule.TypeChanged,
      `type changed: ${c.writer} data is ${listTypes(wTypes)}, the ${c.reader} schema accepts ${listTypes(rTypes)}`,
    );
  }
  const narrowedToInteger = wTypes.includes('number') && !rTypes.includes('number') && rTypes.includes('integer');
  if (narrowedToInteger)
    report(
      c,
      path,
      CompatibilityRule.TypeNarrowed,
      `${c.writer} data may be any number here, the ${c.reader} schema accepts integers only`,
    );
  const lost = wTypes.filter((t) => !accepts(rTypes, t) && !(t === 'number' && narrowedToInteger));
  if (lost.length > 0) {
    const message = typesOf(w)
      ? `${c.writer} data may be ${listTypes(lost)} here, which the ${c.reader} schema does not accept`
      : `${c.writer} data may be of any type here (its schema sets none), the ${c.reader} schema accepts ${listTypes(rTypes)} only`;
    report(c, path, CompatibilityRule.TypeNarrowed, message);
  }
  const numeric = (types: readonly SchemaType[]) => types.includes('number') || types.includes('integer');
  if (numeric(wTypes) && numeric(rTypes)) compareNumbers(c, w, r, path);
  if (common.includes('string')) compareStrings(c, w, r, path);
  if (common.includes('array')) compareArrays(c, w, r, path, depth);
  if (common.includes('object')) compareObjects(c, w, r, path, depth);
}

interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

function boundOf(inclusive: number | undefined, exclusive: number | undefined, pickHigher: boolean): Bound | undefined {
  if (inclusive === undefined) return exclusive === undefined ? undefined : { value: exclusive, exclusive: true };
  if (exclusive === undefined) return { value: inclusive, exclusive: false };
  // The tighter of the two: a higher lower bound, a lower upper bound; exclusive wins a tie.
  const exclusiveTighter = pickHigher ? exclusive >= inclusive : exclusive <= inclusive;
  return exclusiveTighter ? { value: exclusive, exclusive: true } : { value: inclusive, exclusive: false };
}

/** Whether bound `r` is tighter than `w` on the side where `higherIsTighter`. */
function tighter(w: Bound | undefined, r: Bound | undefined, higherIsTighter: boolean): boolean {
  if (r === undefined) return false;
  if (w === undefined) return true;
  if (r.value !== w.value) return higherIsTighter ? r.value > w.value : r.value < w.value;
  return r.exclusive && !w.exclusive;
}

function compareNumbers(c: Compare, w: SchemaObject, r: SchemaObject, path: string): void {
  const show = (b: Bound | undefined, low: boolean): string =>
    b === undefined ? 'no bound' : `${low ? (b.exclusive ? '>' : '≥') : b.exclusive ? '<' : '≤'} ${b.value}`;
  const wLow = boundOf(w.minimum, w.exclusiveMinimum, true);
  const rLow = boundOf(r.minimum, r.exclusiveMinimum, true);
  if (tighter(wLow, rLow, true)) {
    report(
      c,
      path,
      CompatibilityRule.RangeNarrowed,
      `minimum: ${c.writer} data may be ${show(wLow, true)}, the ${c.reader} schema requires ${show(rLow, true)}`,
    );
  }
  const wHigh = boundOf(w.maximum, w.exclusiveMaximum, false);
  const rHigh = boundOf(r.maximum, r.exclusiveMaximum, false);
  if (tighter(wHigh, rHigh, false)) {
    report(
      c,
      path,
      CompatibilityRule.RangeNarrowed,
      `maximum: ${c.writer} data may be ${show(wHigh, false)}, the ${c.reader} schema requires ${show(rHigh, false)}`,
    );
  }
}

function compareCounts(
  c: Compare,
  w: SchemaObject,
  r: SchemaObject,
  path: string,
  min: 'minLength' | 'minItems',
  max: 'maxLength' | 'maxItems',
): void {
  const rMin = r[min];
  if (rMin !== undefined && rMin > (w[min] ?? 0))
    report(
      c,
      path,
      CompatibilityRule.RangeNarrowed,
      `${min} raised: ${c.writer} data may have ${min} ${w[min] ?? 0}, the ${c.reader} schema requires ${rMin}`,
    );
  const rMax = r[max];
  const wMax = w[max];
  if (rMax !== undefined && (wMax === undefined || rMax < wMax)) {
    report(
      c,
      path,
      CompatibilityRule.RangeNarrowed,
      `${max} lowered: ${c.writer} data may have ${max} ${wMax ?? 'unbounded'}, the ${c.reader} schema requires ${rMax}`,
    );
  }
}

function compareStrings(c: Compare, w: SchemaObject, r: SchemaObject, path: string): void {
  compareCounts(c, w, r, path, 'minLength', 'maxLength');
  if (r.pattern !== undefined && r.pattern !== w.pattern) {
    const was = w.pattern === undefined ? 'no pattern' : `the pattern ${w.pattern}`;
    report(
      c,
      path,
      CompatibilityRule.PatternChanged,
      `the ${c.reader} schema requires the pattern ${r.pattern}, ${c.writer} data has ${was}`,
    );
  }
  if (r.format !== undefined && r.format !== w.format) {
    const was = w.format === undefined ? 'no format' : `the format ${w.format}`;
    report(
      c,
      path,
      CompatibilityRule.FormatChanged,
      `the ${c.reader} schema requires the format ${r.format}, ${c.writer} data has ${was}`,
    );
  }
}

function compareArrays(c: Compare, w: SchemaObject, r: SchemaObject, path: string, depth: number): void {
  compareCounts(c, w, r, path, 'minItems', 'maxItems');
  compare(c, keyword(w, 'items') ?? true, keyword(r, 'items') ?? true, childPointer(path, '*'), depth + 1);
}

function compareObjects(c: Compare, w: SchemaObject, r: SchemaObject, path: string, depth: number): void {
  const wProps = keyword(w, 'properties') ?? {};
  const rProps = keyword(r, 'properties') ?? {};
  const wAdditional = keyword(w, 'additionalProperties') ?? true;
  const rAdditional = keyword(r, 'additionalProperties') ?? true;

  for (const name of Object.keys(wProps)) {
    const at = childPointer(path, name);
    const wProp = entry(wProps, name) as JsonSchema;
    const rProp = entry(rProps, name);
    if (rProp !== undefined) compare(c, wProp, rProp, at, depth + 1);
    else if (rAdditional === false && wProp !== false) {
      report(
        c,
        at,
        CompatibilityRule.ClosedContentModel,
        `${c.writer} data may hold ${name}, which the ${c.reader} schema does not declare and its additionalProperties: false refuses`,
      );
    } else compare(c, wProp, rAdditional, at, depth + 1);
  }
  // A property only the reader declares is taken to be absent from the writer's data, unless the
  // writer's additionalProperties is a schema: then it may hold a value of that schema.
  if (isSchemaObject(wAdditional) && !unconstrained(wAdditional)) {
    for (const name of Object.keys(rProps)) {
      if (entry(wProps, name) === undefined)
        compare(c, wAdditional, entry(rProps, name) as JsonSchema, childPointer(path, name), depth + 1);
    }
  }
  if (wAdditional !== false) {
    if (rAdditional === false) {
      report(
        c,
        path,
        CompatibilityRule.ClosedContentModel,
        `${c.writer} data may hold properties the ${c.reader} schema does not declare, and its additionalProperties: false refuses them`,
      );
    } else compare(c, wAdditional, rAdditional, childPointer(path, '*'), depth + 1);
  }

  const wRequired = new Set(keyword(w, 'required') ?? []);
  for (const name of keyword(r, 'required') ?? []) {
    if (wRequired.has(name)) continue;
    const rProp = entry(rProps, name);
    const resolved = rProp === undefined ? undefined : deref(c.readerRoot, rProp);
    if (isSchemaObject(resolved) && Object.hasOwn(resolved, 'default')) continue;
    report(
      c,
      childPointer(path, name),
      CompatibilityRule.RequiredAdded,
      `${c.writer} data may lack ${name}, which the ${c.reader} schema requires without a default`,
    );
  }
}
