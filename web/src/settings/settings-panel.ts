import { ApiError, type VersionedAgent } from '../api.js';
import { confirmDialog } from '../confirm-dialog.js';
import { h } from '../dom.js';
import { type Problem, problemFor } from '../error-messages.js';
import { rememberHostedModels } from '../models.js';
import type { Session } from '../session.js';
import { type Agent, type AgentPatch, PROVIDER, type Provider } from '../types.js';
import { fillForm, showProvider } from './fill-form.js';
import { type ProviderForm, providerForm } from './provider-form.js';
import { revertQuestion, successMessage } from './save-messages.js';
import { type FormValues, planSave } from './save-plan.js';
import { renderSpend } from './spend-summary.js';

export interface SettingsPanelOptions {
  readonly session: Session;
  readonly agent: VersionedAgent;
  /** Undefined when today's spend could not be loaded. */
  readonly spend: Awaited<ReturnType<Session['api']['daySpend']>> | undefined;
  /** An error the page must handle: the token is no longer accepted. */
  readonly onSessionEnded: (error: ApiError) => void;
  /** Loads the agent afresh, after someone else changed it. */
  readonly onReload: () => void;
  /** Told the agent as stored after each successful save. */
  readonly onSaved?: (agent: Agent) => void;
}

/**
 * The "LLM Provider" region of an agent's settings: provider, key, model and
 * daily cap, saved in one PATCH with the agent's ETag. Read-only for roles
 * that may not change them.
 */
export class SettingsPanel {
  readonly root: HTMLElement;
  readonly #form: ProviderForm;
  readonly #options: SettingsPanelOptions;
  #current: VersionedAgent;
  #busy = false;

  constructor(options: SettingsPanelOptions) {
    this.#options = options;
    this.#current = options.agent;
    const readOnly = !options.session.canManage;
    this.#form = providerForm(readOnly);
    this.root = h(
      'section',
      { role: 'region', class: 'panel', 'aria-labelledby': 'llm-provider-heading' },
      h('h2', { id: 'llm-provider-heading', class: 'panel__title' }, 'LLM Provider'),
      readOnly &&
        h(
          'p',
          { class: 'notice', id: 'read-only-note' },
          'You can view these settings. Only an OWNER or ADMIN of the workspace can change them.',
        ),
      this.#form.root,
    );

    fillForm(this.#form, this.#current.agent);
    renderSpend(this.#form.spend, options.spend);
    this.#listen();
  }

  #listen(): void {
    const form = this.#form;
    const onProvider = () => showProvider(form, this.#chosenProvider(), form.model.control.value);
    form.hostedRadio.addEventListener('change', onProvider);
    form.byoRadio.addEventListener('change', onProvider);
    form.root.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#save();
    });
    form.revert.addEventListener('click', () => void this.#revert());
    form.reload.addEventListener('click', () => this.#options.onReload());
  }

  #chosenProvider(): Provider {
    return this.#form.byoRadio.checked ? PROVIDER.byo : PROVIDER.hosted;
  }

  #values(): FormValues {
    return {
      provider: this.#chosenProvider(),
      key: this.#form.key.control.value,
      model: this.#form.model.control.value,
      capText: this.#form.cap.control.value,
    };
  }

  async #save(): Promise<void> {
    if (this.#busy) return;
    this.#clearFeedback();
    const plan = planSave(this.#current.agent, this.#values());
    if (plan.kind === 'invalid') {
      for (const problem of plan.problems) this.#showProblem(problem);
      this.#focusFirstInvalid();
      return;
    }
    if (plan.kind === 'unchanged') {
      this.#form.status.textContent = 'Nothing to save: no setting was changed.';
      return;
    }
    if (plan.reverts && !(await this.#confirmRevert())) return;
    await this.#send(plan.patch, plan.sendsKey);
  }

  async #revert(): Promise<void> {
    if (this.#busy) return;
    this.#clearFeedback();
    if (!(await this.#confirmRevert())) return;
    await this.#send({ llmProvider: PROVIDER.hosted }, false);
  }

  #confirmRevert(): Promise<boolean> {
    return confirmDialog(revertQuestion(this.#current.agent));
  }

  async #send(patch: AgentPatch, sendsKey: boolean): Promise<void> {
    const form = this.#form;
    const before = this.#current.agent;
    this.#setBusy(true, sendsKey ? 'Validating key with Anthropic…' : 'Saving…');
    try {
      this.#current = await this.#options.session.api.updateAgent(
        before.id,
        patch,
        this.#current.etag,
      );
      fillForm(form, this.#current.agent);
      // Reverting hides the button that had the focus; keep the keyboard in the form.
      if (document.activeElement === document.body) form.save.focus();
      form.status.textContent = successMessage(before, this.#current.agent);
      this.#options.onSaved?.(this.#current.agent);
      void this.#refreshSpend();
    } catch (error) {
      form.status.textContent = '';
      this.#handleFailure(error, patch.llmModel ?? before.llmModel);
    } finally {
      this.#setBusy(false);
    }
  }

  #handleFailure(error: unknown, model: string): void {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'unauthorized') {
      this.#options.onSessionEnded(error);
      return;
    }
    if (error.code === 'model_not_allowed') this.#offerHostedModels(error);
    this.#showProblem(problemFor(error, model));
    this.#focusFirstInvalid();
  }

  /** Adopts the deployment's allow-list and shows it as the Model select. */
  #offerHostedModels(error: ApiError): void {
    const allowed = error.details.allowedModels;
    if (Array.isArray(allowed)) rememberHostedModels(allowed.map(String));
    this.#form.hostedRadio.checked = true;
    showProvider(this.#form, PROVIDER.hosted, this.#form.model.control.value);
  }

  #showProblem(problem: Problem): void {
    const form = this.#form;
    const fields = { key: form.key, model: form.model, cap: form.cap };
    if (problem.field === 'form') form.formError.textContent = problem.message;
    else fields[problem.field].setError(problem.message);
    form.reload.hidden = !problem.reload;
  }

  #focusFirstInvalid(): void {
    const invalid = this.#form.root.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }

  #clearFeedback(): void {
    const form = this.#form;
    for (const field of [form.key, form.model, form.cap]) field.setError(undefined);
    form.formError.textContent = '';
    form.status.textContent = '';
    form.reload.hidden = true;
  }

  #setBusy(busy: boolean, message?: string): void {
    this.#busy = busy;
    this.#form.root.setAttribute('aria-busy', String(busy));
    this.#form.save.setAttribute('aria-disabled', String(busy));
    this.#form.revert.setAttribute('aria-disabled', String(busy));
    if (message) this.#form.status.textContent = message;
  }

  async #refreshSpend(): Promise<void> {
    const spend = await this.#options.session.api
      .daySpend(this.#current.agent.id)
      .catch(() => undefined);
    renderSpend(this.#form.spend, spend);
  }
}
