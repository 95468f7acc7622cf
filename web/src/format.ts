const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** `1234` → `$12.34`. */
export function formatUsd(cents: number): string {
  return USD.format(cents / 100);
}

/** `1234` → `12.34`, the cap as the field shows it. */
export function centsToDollarsText(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** The API's largest cap: $100,000 a day. */
export const MAX_CAP_CENTS = 10_000_000;

/**
 * Parses a dollar amount as typed (`25`, `12.5`, `$1,000.00`) into whole
 * cents, with string arithmetic so that no binary fraction creeps in.
 * Returns a sentence instead when the text is no such amount.
 */
export function parseDollarsToCents(text: string): number | { problem: string } {
  const cleaned = text.trim().replace(/^\$/, '').replaceAll(',', '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return { problem: 'Enter the cap in dollars, such as 25 or 12.50.' };

  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (cents > MAX_CAP_CENTS) {
    return { problem: `The cap can be at most ${formatUsd(MAX_CAP_CENTS)} a day.` };
  }
  return cents;
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A point in time in the reader's own time zone. */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

/** `in 5 h 12 min`, from now until a later time. */
export function formatUntil(iso: string, nowMs = Date.now()): string {
  const minutes = Math.max(0, Math.round((Date.parse(iso) - nowMs) / 60_000));
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `in ${minutes} min`;
  return `in ${hours} h ${minutes % 60} min`;
}

/** A `<time>` element that shows a formatted time and carries the exact one. */
export function timeElement(iso: string, text = formatDateTime(iso)): HTMLTimeElement {
  const element = document.createElement('time');
  element.dateTime = iso;
  element.textContent = text;
  return element;
}
