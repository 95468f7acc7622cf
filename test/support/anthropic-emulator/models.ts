/** One entry of the model catalogue, in the shape `GET /v1/models` returns. */
export interface ModelInfo {
  type: 'model';
  id: string;
  display_name: string;
  created_at: string;
}

/**
 * The models the emulator knows, newest first like the real listing. Aliases and dated ids are
 * both present because services pin either form and each must resolve. `created_at` values are
 * approximate: nothing should depend on them.
 */
export const KNOWN_MODELS: readonly ModelInfo[] = [
  model('claude-opus-4-7', 'Claude Opus 4.7', '2026-04-16T00:00:00Z'),
  model('claude-opus-4-6', 'Claude Opus 4.6', '2026-02-05T00:00:00Z'),
  model('claude-sonnet-4-6', 'Claude Sonnet 4.6', '2026-02-17T00:00:00Z'),
  model('claude-opus-4-5', 'Claude Opus 4.5', '2025-11-24T00:00:00Z'),
  model('claude-opus-4-5-20251101', 'Claude Opus 4.5', '2025-11-24T00:00:00Z'),
  model('claude-haiku-4-5', 'Claude Haiku 4.5', '2025-10-15T00:00:00Z'),
  model('claude-haiku-4-5-20251001', 'Claude Haiku 4.5', '2025-10-15T00:00:00Z'),
  model('claude-sonnet-4-5', 'Claude Sonnet 4.5', '2025-09-29T00:00:00Z'),
  model('claude-sonnet-4-5-20250929', 'Claude Sonnet 4.5', '2025-09-29T00:00:00Z'),
  model('claude-3-5-haiku-20241022', 'Claude Haiku 3.5', '2024-10-22T00:00:00Z'),
];

function model(id: string, displayName: string, createdAt: string): ModelInfo {
  return { type: 'model', id, display_name: displayName, created_at: createdAt };
}

/** Looks a model up in the catalogue; undefined means the real API would answer 404. */
export function findModel(id: string): ModelInfo | undefined {
  return KNOWN_MODELS.find((entry) => entry.id === id);
}

/**
 * Describes a model named in a key's explicit list but absent from the catalogue, so such a key
 * can still list and use it (tests sometimes need a model id the catalogue does not carry).
 */
export function adHocModel(id: string): ModelInfo {
  return model(id, id, '2024-01-01T00:00:00Z');
}
