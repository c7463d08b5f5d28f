// For the tests that give ids and data-derived keys the names Object.prototype already answers to.
import { parseFlow, type FlowDocument } from '../flow';

/** Names an ordinary object answers to before anything is stored in it. */
export const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
] as const;

/**
 * An ordinary name that compares with every other string as `name` does (nothing in a flow starts
 * with a prototype name), so a run that sorts members or keys by name sorts both alike.
 */
export function twinOf(name: string): string {
  return `${name}1`;
}

/** The JSON value with every string, and every object key, found in `names` replaced by its mapping. */
export function renameStrings(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => renameStrings(item, names));
  if (typeof value === 'object' && value !== null) {
    // fromEntries defines own properties, so a "__proto__" key stays a key
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [names.get(key) ?? key, renameStrings(item, names)]),
    );
  }
  return value;
}

/** Text with every prototype name replaced by its twin: a run's log mapped onto its twin run's. */
export function toTwins(text: string, names: readonly string[] = PROTOTYPE_NAMES): string {
  let out = text;
  for (const name of names) out = out.replaceAll(name, twinOf(name));
  return out;
}

/** Validates a document given as a JSON value, through its text as a file or link gives it. */
export function flowOf(doc: unknown): FlowDocument {
  const result = parseFlow(JSON.stringify(doc));
  if (!result.ok) throw new Error(`the flow does not validate: ${JSON.stringify(result.problems)}`);
  return result.flow;
}
