import { setOwn } from '../../lib/ownRecord';

/** A starting payload for "Publish by hand", guessed from the producer's template. */
export function samplePayload(template: unknown): Record<string, unknown> {
  if (typeof template !== 'object' || template === null || Array.isArray(template)) return {};
  const sample: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    if (typeof value !== 'string' || !value.includes('{{')) {
      setOwn(sample, key, value);
      continue;
    }
    const guess = guessValue(value);
    if (guess !== undefined) setOwn(sample, key, guess);
  }
  return sample;
}

// Only the simplest template calls are guessed; anything richer is left for the person to type.
function guessValue(expression: string): unknown {
  const id = /^\{\{\s*id\(\s*'([^']*)'\s*\)\s*\}\}$/.exec(expression);
  if (id) return `${id[1] ?? 'evt'}-manual-1`;
  const pick = /^\{\{\s*pick\(\s*'([^']*)'/.exec(expression);
  if (pick) return pick[1];
  const range = /^\{\{\s*(?:int|money)\(\s*(\d+(?:\.\d+)?)\s*,/.exec(expression);
  if (range) return Number(range[1]);
  return undefined;
}

/** "ord-manual-1" → "ord-manual-2", so publishing twice does not reuse an id. */
export function nextManualIds(text: string): string {
  return text.replace(/-manual-(\d+)/g, (_, n: string) => `-manual-${Number(n) + 1}`);
}
