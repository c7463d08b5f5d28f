import { z } from 'zod';
import { setOwn } from '../lib/ownRecord';

/**
 * A record schema that keeps every own key, `__proto__` included: z.record drops that key (so a
 * node named `__proto__` would lose its code and its place on the canvas). Keys and values are
 * checked as z.record checks them, and a bad key is reported with its own reason.
 */
export function ownRecordSchema<V extends z.ZodType>(
  key: z.ZodType<string>,
  value: V,
): z.ZodType<Record<string, z.output<V>>> {
  return z.unknown().transform((input, ctx) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      ctx.issues.push({ code: 'invalid_type', expected: 'record', input });
      return z.NEVER;
    }
    const entries = input as Record<string, unknown>;
    const out: Record<string, z.output<V>> = {};
    for (const name of Object.keys(entries)) {
      const checkedKey = key.safeParse(name);
      if (!checkedKey.success)
        for (const issue of checkedKey.error.issues)
          ctx.issues.push({ code: 'custom', message: issue.message, input: name, path: [name] });
      const checked = value.safeParse(entries[name]);
      if (!checked.success)
        for (const issue of checked.error.issues)
          ctx.issues.push({
            code: 'custom',
            message: issue.message,
            input: entries[name],
            path: [name, ...issue.path],
          });
      else if (checkedKey.success) setOwn(out, name, checked.data);
    }
    return out;
  });
}
