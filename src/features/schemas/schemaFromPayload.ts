// A first schema for an event type, guessed from its producer's payload template, so "Add schema"
// starts from what the producer sends rather than from nothing. Only plain template calls are read;
// anything else is left open ({}) for the person to tighten.

type Schema = Record<string, unknown>;

const EXACT = /^\{\{\s*([\s\S]*?)\s*\}\}$/;

function fromExpression(expression: string): Schema {
  if (/^(?:int\(|seq$)/.test(expression)) return { type: 'integer' };
  if (/^(?:float|money|round2|sum)\(|^now$/.test(expression)) return { type: 'number' };
  if (/^uuid\(/.test(expression)) return { type: 'string', format: 'uuid' };
  if (/^id\(/.test(expression)) return { type: 'string' };
  if (/^pick\(\s*['"`]/.test(expression)) return { type: 'string' };
  if (/^bool\(/.test(expression)) return { type: 'boolean' };
  if (/^repeat\(/.test(expression)) return { type: 'array' };
  return {};
}

/** A JSON Schema every payload the template can produce is likely to pass; properties are all required. */
export function schemaFromPayload(template: unknown): Schema {
  if (template === null) return { type: 'null' };
  if (Array.isArray(template))
    return template.length === 0 ? { type: 'array' } : { type: 'array', items: schemaFromPayload(template[0]) };
  if (typeof template === 'object') {
    const entries = Object.entries(template);
    return {
      type: 'object',
      required: entries.map(([key]) => key),
      properties: Object.fromEntries(entries.map(([key, value]) => [key, schemaFromPayload(value)])),
    };
  }
  if (typeof template === 'number') return { type: 'number' };
  if (typeof template === 'boolean') return { type: 'boolean' };
  if (typeof template === 'string') {
    const exact = EXACT.exec(template);
    // "{{ … }}" inside longer text is interpolated as text.
    return exact ? fromExpression(exact[1] ?? '') : { type: 'string' };
  }
  return {};
}
