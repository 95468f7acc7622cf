import { adHocModel, findModel, KNOWN_MODELS, type ModelInfo } from './models.js';

/** How the emulator treats a key: usable, or failing the way the real API fails for it. */
export type KeyStatus = 'active' | 'revoked' | 'forbidden' | 'no_credit';

/** The models a key may call: explicit ids, or every catalogue model whose id starts `claude-`. */
export type KeyModels = readonly string[] | 'claude-*';

/** A registered key's settings. */
export interface KeyEntry {
  status: KeyStatus;
  models: KeyModels;
}

/** Options for registering or updating a key; omitted fields keep their current value. */
export interface KeyOptions {
  status?: KeyStatus;
  models?: KeyModels;
}

/** Every accepted key status, for validating admin input. */
export const KEY_STATUSES: readonly KeyStatus[] = ['active', 'revoked', 'forbidden', 'no_credit'];

/**
 * The emulator's key registry. Keys are unknown until registered, so a test only gets a 200 for
 * keys it set up on purpose, the way a real account only accepts keys it issued.
 */
export class KeyRegistry {
  readonly #entries = new Map<string, KeyEntry>();

  /** Registers a key or updates it; updating keeps fields the caller leaves out. */
  register(key: string, options: KeyOptions = {}): void {
    const current = this.#entries.get(key);

    this.#entries.set(key, {
      status: options.status ?? current?.status ?? 'active',
      models: options.models ?? current?.models ?? 'claude-*',
    });
  }

  /** Returns the key's settings, or undefined for a key never registered. */
  lookup(key: string): KeyEntry | undefined {
    return this.#entries.get(key);
  }

  /** Forgets every key. */
  clear(): void {
    this.#entries.clear();
  }
}

/**
 * Tells whether a key may call a model. `claude-*` covers catalogue models only, so an unknown
 * id still gets the real API's 404; an explicit list may name ids outside the catalogue.
 */
export function allowsModel(entry: KeyEntry, modelId: string): boolean {
  if (entry.models === 'claude-*') {
    return modelId.startsWith('claude-') && findModel(modelId) !== undefined;
  }

  return entry.models.includes(modelId);
}

/** The models a key can see in `GET /v1/models`, catalogue order first, then ad hoc ids. */
export function modelsForKey(entry: KeyEntry): ModelInfo[] {
  const known = KNOWN_MODELS.filter((info) => allowsModel(entry, info.id));
  if (entry.models === 'claude-*') {
    return known;
  }

  const extra = entry.models.filter((id) => !findModel(id)).map(adHocModel);
  return [...known, ...extra];
}
