import { h, replaceChildren } from '../dom.js';
import { formatUntil, formatUsd, timeElement } from '../format.js';
import type { DaySpend } from '../types.js';

/**
 * Today's spend next to the cap: what settled, what calls in flight hold
 * (their worst case, released when they end) and when the day resets.
 */
export function renderSpend(target: HTMLElement, spend: DaySpend | undefined): void {
  if (!spend) {
    replaceChildren(target, h('p', { class: 'field__hint' }, "Today's spend could not be loaded."));
    return;
  }

  const item = (term: string, ...value: (Node | string)[]) =>
    h('div', { class: 'spend__item' }, h('dt', {}, term), h('dd', {}, ...value));
  const resets = timeElement(spend.resetsAt, '00:00 UTC');
  replaceChildren(
    target,
    h(
      'dl',
      { class: 'spend__list', 'aria-label': `Spend on ${spend.day} (UTC)` },
      item('Spent today', `${formatUsd(spend.spentCents)} of ${formatUsd(spend.capCents)}`),
      item('Reserved by calls in flight', formatUsd(spend.reservedCents)),
      item('Cap resets', resets, ` (${formatUntil(spend.resetsAt)})`),
    ),
  );
}
