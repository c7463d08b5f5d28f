import { X_MATCH_MODES as MODES, XMatch } from '../../../flow';
import type { HeaderValue, Headers } from './message';

/** RabbitMQ's legacy fallback: an unknown x-match (only possible in old bindings) means all. */
function xMatchMode(value: HeaderValue | undefined): XMatch {
  return typeof value === 'string' && MODES.includes(value) ? (value as XMatch) : XMatch.All;
}

type Table = Readonly<Record<string, HeaderValue>>;

/** Erlang term equality on the values: types count ('1' is not 1), tables and arrays compare deeply. */
export function headerValuesEqual(a: HeaderValue, b: HeaderValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item: HeaderValue, i) => headerValuesEqual(item, b[i] as HeaderValue));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const left = a as Table;
  const right = b as Table;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every(
      (key) => Object.hasOwn(right, key) && headerValuesEqual(left[key] as HeaderValue, right[key] as HeaderValue),
    )
  );
}

/**
 * Headers exchange matching (rabbit_exchange_type_headers). `x-match` itself is never compared;
 * other `x-` arguments are ignored unless the mode ends in `-with-x`. A binding argument whose
 * value is `null` (AMQP void) matches on the header's presence alone. With no arguments left to
 * compare, `all` matches every message and `any` none.
 */
export function matchHeaders(bindingArguments: Headers, messageHeaders: Headers | undefined): boolean {
  const mode = xMatchMode(bindingArguments['x-match']);
  const withX = mode === XMatch.AllWithX || mode === XMatch.AnyWithX;
  const headers = messageHeaders ?? {};
  const compared = Object.keys(bindingArguments).filter((key) => key !== 'x-match' && (withX || !key.startsWith('x-')));
  const matchesOne = (key: string): boolean => {
    if (!Object.hasOwn(headers, key)) return false;
    const expected = bindingArguments[key] as HeaderValue;
    return expected === null || headerValuesEqual(expected, headers[key] as HeaderValue);
  };
  return mode === XMatch.All || mode === XMatch.AllWithX ? compared.every(matchesOne) : compared.some(matchesOne);
}
