import type { ConfirmOptions } from '../confirm-dialog.js';
import { type Agent, PROVIDER } from '../types.js';

/** The question asked before a revert: it deletes the key, which cannot be undone. */
export function revertQuestion(agent: Agent): ConfirmOptions {
  const hint = agent.byoKeyHint ?? 'BYO key';
  return {
    title: 'Revert to hosted Anthropic?',
    body: [
      `The key ${hint} will be deleted from the vault. This cannot be undone.`,
      "The agent will then use mapping.travel's hosted key, and its usage counts against your subscription. To use your own key again, you will paste it again.",
    ],
    confirmLabel: 'Delete key and revert',
  };
}

/** What a successful save did, in a sentence. */
export function successMessage(before: Agent, after: Agent): string {
  const byoAfter = after.llmProvider === PROVIDER.byo;
  if (before.llmProvider === PROVIDER.byo && !byoAfter) {
    return 'Reverted to hosted Anthropic. The BYO key was deleted from the vault.';
  }
  if (byoAfter && before.llmProvider !== PROVIDER.byo) {
    return `Saved. This agent now uses your key ${after.byoKeyHint}, accepted by Anthropic.`;
  }
  const keyChanged =
    before.byoKeyHint !== after.byoKeyHint || before.byoKeyValidatedAt !== after.byoKeyValidatedAt;
  if (byoAfter && keyChanged) return `Saved. The new key ${after.byoKeyHint} replaced the old one.`;
  return 'Saved.';
}
