/**
 * The hosted allow-list as documented. The API sends the deployment's own
 * list with every `model_not_allowed`, and the page adopts it from then on.
 */
let hosted: readonly string[] = ['claude-opus-4-7', 'claude-haiku-4-5-20251001'];

export function hostedModels(): readonly string[] {
  return hosted;
}

export function rememberHostedModels(models: readonly string[]): void {
  if (models.length > 0) hosted = [...models];
}

/** Suggestions for a BYO agent, which may use any `claude-*` model its account has. */
export const BYO_MODEL_SUGGESTIONS = [
  'claude-opus-4-7',
  'claude-opus-4-6',
  'claude-sonnet-4-6',
  'claude-sonnet-4-5',
  'claude-haiku-4-5',
  'claude-haiku-4-5-20251001',
] as const;

/** The API's rule for a model id: `claude-` and lowercase letters, digits, dots, dashes. */
export function isModelId(text: string): boolean {
  return /^claude-[a-z0-9.-]+$/.test(text) && text.length <= 100;
}
