import { BoundedCache } from '../lib/boundedCache';

// Patterns repeat across every event of a type: compile each once. null marks one that does not compile.
// Bounded because schemas change while the worker lives (every edit of a pattern is a new key);
// a flow uses a few dozen, so the bound only stops growth without end.
const compiled = new BoundedCache<string, RegExp | null>(1024);

/** The pattern as an ECMA-262 regular expression with the u flag (as 2020-12 asks), or null if it is not one. */
export function compilePattern(pattern: string): RegExp | null {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, 'u');
    } catch {
      regex = null;
    }
    compiled.set(pattern, regex);
  }
  return regex;
}

/** Why a pattern does not compile, for checkSchema's message. */
export function patternError(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
