const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const BACKSLASH = 0x5c;

const utf8 = new TextEncoder();

/** Redis gives up on patterns nested deeper than this (its guard against abusive patterns). */
const MAX_NESTING = 1000;

/**
 * A port of Redis's stringmatchlen_impl (util.c), byte for byte over UTF-8 like Redis itself.
 * Reads past the pattern's end see 0, as C sees the string's NUL terminator.
 */
function matchFrom(
  p: Uint8Array,
  pi: number,
  s: Uint8Array,
  si: number,
  skip: { longer: boolean },
  nesting: number,
): boolean {
  if (nesting > MAX_NESTING) return false;
  const at = (i: number): number => (i < p.length ? (p[i] as number) : 0);
  let plen = p.length - pi;
  let slen = s.length - si;
  while (plen > 0 && slen > 0) {
    const c = at(pi);
    if (c === STAR) {
      while (plen > 0 && at(pi + 1) === STAR) {
        pi++;
        plen--;
      }
      if (plen === 1) return true;
      while (slen > 0) {
        if (matchFrom(p, pi + 1, s, si, skip, nesting + 1)) return true;
        // The rest matched nowhere from here on, so a longer run for an earlier * cannot help.
        if (skip.longer) return false;
        si++;
        slen--;
      }
      skip.longer = true;
      return false;
    } else if (c === QUESTION) {
      si++;
      slen--;
    } else if (c === OPEN) {
      pi++;
      plen--;
      const not = at(pi) === CARET;
      if (not) {
        pi++;
        plen--;
      }
      const ch = s[si] as number;
      let match = false;
      for (;;) {
        if (at(pi) === BACKSLASH && plen >= 2) {
          pi++;
          plen--;
          if (at(pi) === ch) match = true;
        } else if (at(pi) === CLOSE) {
          break;
        } else if (plen === 0) {
          // An unterminated [ : the set runs to the end of the pattern.
          pi--;
          plen++;
          break;
        } else if (plen >= 3 && at(pi + 1) === DASH) {
          const start = Math.min(at(pi), at(pi + 2));
          const end = Math.max(at(pi), at(pi + 2));
          pi += 2;
          plen -= 2;
          if (ch >= start && ch <= end) match = true;
        } else if (at(pi) === ch) {
          match = true;
        }
        pi++;
        plen--;
      }
      if (not) match = !match;
      if (!match) return false;
      si++;
      slen--;
    } else {
      if (c === BACKSLASH && plen >= 2) {
        pi++;
        plen--;
      }
      if (at(pi) !== s[si]) return false;
      si++;
      slen--;
    }
    pi++;
    plen--;
    if (slen === 0) {
      while (at(pi) === STAR) {
        pi++;
        plen--;
      }
      break;
    }
  }
  return plen === 0 && slen === 0;
}

/**
 * Redis PSUBSCRIBE glob matching: `*` any run of characters (dots included), `?` one character,
 * `[abc]`, `[^a]` and `[a-z]` sets, `\` escapes. Like Redis it compares UTF-8 bytes (so `?` is one
 * byte) and its `*` does not match the empty channel name.
 */
export function matchChannelPattern(pattern: string, channel: string): boolean {
  return matchFrom(utf8.encode(pattern), 0, utf8.encode(channel), 0, { longer: false }, 0);
}
