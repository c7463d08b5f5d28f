/** Runs `batch` (which returns how much it did) until `seconds` have passed; checks the clock once per batch. */
export function timeFor(seconds: number, batch: () => number): { count: number; ms: number } {
  const start = performance.now();
  const end = start + seconds * 1000;
  let count = 0;
  let now = start;
  while (now < end) {
    count += batch();
    now = performance.now();
  }
  return { count, ms: now - start };
}

export const perSecond = (count: number, ms: number): number => Math.round((count / ms) * 1000);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
