/** One reference token of a JSON Pointer (RFC 6901): `~` becomes `~0`, `/` becomes `~1`. */
export function escapeToken(token: string | number): string {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

export function unescapeToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** `pointer` with one more token: `/items` + 0 → `/items/0`. The root is ''. */
export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${escapeToken(token)}`;
}
