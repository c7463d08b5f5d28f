/** 10000000 → "10,000,000", whatever the locale (the worker's realm ignores it, so a run reads the same everywhere). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
