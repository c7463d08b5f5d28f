// Patterns repeat across every event of a type: compile each once. null marks one that does not compile.
const compiled = new Map<string, RegExp | null>();

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
