/** Virtual time 0 is this instant, so event timestamps are the same on every machine and every replay. */
export const RUN_EPOCH_MS = 1_767_225_600_000; // 2026-01-01T00:00:00.000Z

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

// Many events share a millisecond at high rates: the last text is reused.
let lastMs = Number.NaN;
let lastText = '';

/** ISO-8601 UTC text for a virtual time, computed without Date (civil-from-days, H. Hinnant). */
export function virtualIso(virtualMs: number): string {
  const ms = RUN_EPOCH_MS + Math.floor(virtualMs);
  if (ms === lastMs) return lastText;
  lastMs = ms;
  lastText = formatIso(ms);
  return lastText;
}

function formatIso(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  const inDay = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const h = Math.floor(inDay / 3_600_000);
  const m = Math.floor((inDay % 3_600_000) / 60_000);
  const s = Math.floor((inDay % 60_000) / 1000);
  return `${year}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(m)}:${pad(s)}.${pad(inDay % 1000, 3)}Z`;
}
