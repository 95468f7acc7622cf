import { ApiError } from '../api.js';
import { h } from '../dom.js';
import { formatUsd, timeElement } from '../format.js';
import type { AuditActor, AuditEvent } from '../types.js';
import type { AppContext } from './app-context.js';

const EVENT_LABELS: Record<string, string> = {
  AGENT_CREATED: 'Agent created',
  AGENT_UPDATED: 'Settings changed',
  BYO_KEY_VALIDATION_FAILED: 'Key refused at validation',
  BYO_KEY_REJECTED: 'Key refused during a call',
  SPEND_CAP_REACHED: 'Daily spend cap reached',
  SPEND_CAP_RESET: 'Daily spend cap reset',
};

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  llmProvider: 'Provider',
  llmModel: 'Model',
  byoKey: 'Key',
  keyHint: 'Key',
  dailySpendCapCents: 'Daily spend cap',
  promptCacheTtl: 'Prompt cache',
  reason: 'Reason',
  model: 'Model',
  day: 'Day',
};

const PROVIDER_LABELS: Record<string, string> = {
  HOSTED_ANTHROPIC: 'Hosted Anthropic',
  BYO_ANTHROPIC: 'BYO Anthropic',
};

const REASONS: Record<string, string> = {
  invalid: 'Anthropic did not accept the key',
  forbidden: 'the key may not send messages',
  no_credit: 'no credit left on the account',
  model_not_available: 'the key cannot use this model',
};

/** The agent's audit log, newest first, a page at a time (OWNER and ADMIN). */
export class AuditLogPanel {
  readonly root: HTMLElement;
  readonly #list = h('ol', { class: 'events' });
  readonly #more = h(
    'button',
    { type: 'button', class: 'button', hidden: true },
    'Show older events',
  );
  readonly #status = h('p', { class: 'form-status', role: 'status' });
  #cursor: string | undefined;

  constructor(
    private readonly app: AppContext,
    private readonly agentId: string,
  ) {
    this.root = h(
      'section',
      { role: 'region', class: 'panel', 'aria-labelledby': 'audit-heading' },
      h('h2', { id: 'audit-heading', class: 'panel__title' }, 'Audit log'),
      h(
        'p',
        { class: 'field__hint' },
        'Every change to this agent, newest first. Keys appear as hints only.',
      ),
      this.#list,
      this.#more,
      this.#status,
    );
    this.#more.addEventListener('click', () => void this.#load());
    void this.#load();
  }

  async #load(): Promise<void> {
    this.#status.textContent = 'Loading events…';
    try {
      const page = await this.app.session.api.auditEvents(this.agentId, this.#cursor);
      this.#list.append(...page.events.map(eventItem));
      this.#cursor = page.nextCursor;
      this.#more.hidden = !page.nextCursor;
      this.#status.textContent = this.#list.childElementCount === 0 ? 'No events yet.' : '';
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthorized')
        return this.app.endSession(error);
      this.#status.textContent = 'The audit log could not be loaded. Reload the page to try again.';
    }
  }
}

function eventItem(event: AuditEvent): HTMLLIElement {
  const entries = Object.entries(event.changes ?? {}).map(([field, change]) =>
    entry(field, `${show(field, change.from)} → ${show(field, change.to)}`),
  );
  const details = Object.entries(event.details ?? {}).map(([field, value]) =>
    entry(field, show(field, value)),
  );
  return h(
    'li',
    { class: 'event' },
    h(
      'div',
      { class: 'event__head' },
      h('span', { class: 'event__type' }, EVENT_LABELS[event.type] ?? event.type),
      timeElement(event.at),
    ),
    h('p', { class: 'event__actor' }, actorText(event.actor)),
    entries.length + details.length > 0 &&
      h('dl', { class: 'event__changes' }, ...entries, ...details),
  );
}

function entry(field: string, value: string): HTMLElement {
  return h('div', {}, h('dt', {}, FIELD_LABELS[field] ?? field), h('dd', {}, value));
}

function actorText(actor: AuditActor): string {
  if (actor.kind === 'user') return `By ${actor.role} ${actor.userId}`;
  return `By the service (${actor.component})`;
}

function show(field: string, value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (field === 'llmProvider') return PROVIDER_LABELS[String(value)] ?? String(value);
  if (field === 'dailySpendCapCents' && typeof value === 'number') return formatUsd(value);
  if (field === 'reason') return REASONS[String(value)] ?? String(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
