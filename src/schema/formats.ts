import { SchemaFormat } from './jsonSchema';

// A simple check, as most validators do: something@domain.tld without spaces.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validDate(year: string, month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(year), m);
}

/** RFC 3339 `full-date`: 2024-02-29. */
function isDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && validDate(match[1] as string, match[2] as string, match[3] as string);
}

/** RFC 3339 `date-time`: 2024-05-01T12:00:00Z or with an offset; second 60 allowed for a leap second. */
function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, , , offsetHour, offsetMinute] = match;
  if (!validDate(year as string, month as string, day as string)) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return false;
  return offsetHour === undefined || (Number(offsetHour) <= 23 && Number(offsetMinute) <= 59);
}

function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Whether a string has the format; formats are defined for strings only. */
export function matchesFormat(format: SchemaFormat, value: string): boolean {
  switch (format) {
    case SchemaFormat.Email:
      return isEmail(value);
    case SchemaFormat.DateTime:
      return isDateTime(value);
    case SchemaFormat.Date:
      return isDate(value);
    case SchemaFormat.Uuid:
      return isUuid(value);
  }
}

/** How a format is described in a message. */
export const FORMAT_DESCRIPTIONS: Readonly<Record<SchemaFormat, string>> = {
  email: 'an email address',
  'date-time': 'a date-time (RFC 3339, such as 2024-05-01T12:00:00Z)',
  date: 'a date (RFC 3339, such as 2024-05-01)',
  uuid: 'a UUID',
};
