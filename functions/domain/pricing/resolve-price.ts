import { PRICING_ERROR_CODE, PricingError } from './errors.js';
import { type ModelPrices, PRICE_TABLE } from './price-table.js';

/** The price a call is charged at, and which row of the table it came from. */
export interface ResolvedPrice {
  /** A key of `PRICE_TABLE`, or `family-max:<family>` / `all-max` when `fallback` is true. */
  readonly modelKey: string;
  readonly prices: ModelPrices;
  /** True when the model is not in the table and a ceiling price stands in for it. */
  readonly fallback: boolean;
}

const FAMILIES = ['opus', 'sonnet', 'haiku'] as const;

type Family = (typeof FAMILIES)[number];

/** Official aliases whose base id differs from the table key by more than a suffix. */
const ALIASES: Readonly<Record<string, string>> = Object.freeze({
  'claude-opus-4-0': 'claude-opus-4',
  'claude-sonnet-4-0': 'claude-sonnet-4',
});

const DATE_OR_LATEST_SUFFIX = /-(\d{8}|latest)$/;

/**
 * Finds the price of `model`. A dated id (`-YYYYMMDD`) or a `-latest` alias is priced as its base
 * model. A `claude-*` id missing from the table is priced at the component-wise maximum of its
 * family (or of every model when no family shows in the id), so a model released after the table
 * was written is over-charged rather than under-charged until the table learns it. Anything that
 * is not a `claude-*` id throws: metering it as Claude would be a silent error.
 */
export function resolvePrice(model: string): ResolvedPrice {
  if (!model.startsWith('claude-')) {
    throw new PricingError(PRICING_ERROR_CODE.unknownModel, 'model', 'Not a Claude model id');
  }

  const baseId = baseModelId(model);
  const prices = Object.hasOwn(PRICE_TABLE, baseId) ? PRICE_TABLE[baseId] : undefined;
  if (prices !== undefined) {
    return { modelKey: baseId, prices, fallback: false };
  }

  return fallbackPrice(familyOf(baseId));
}

/** Strips the date or `-latest` suffix and maps official aliases to their table key. */
function baseModelId(model: string): string {
  const stripped = model.replace(DATE_OR_LATEST_SUFFIX, '');

  return ALIASES[stripped] ?? stripped;
}

/** The family named by one dash-separated part of the id, wherever it stands. */
function familyOf(modelId: string): Family | undefined {
  const parts = modelId.split('-');

  return FAMILIES.find((family) => parts.includes(family));
}

function fallbackPrice(family: Family | undefined): ResolvedPrice {
  if (family === undefined) {
    return { modelKey: 'all-max', prices: CEILING_OF_ALL, fallback: true };
  }

  return { modelKey: `family-max:${family}`, prices: CEILING_BY_FAMILY[family], fallback: true };
}

function ceilingOf(rows: readonly ModelPrices[]): ModelPrices {
  const highest = (pick: (row: ModelPrices) => number) => Math.max(...rows.map(pick));

  return Object.freeze({
    input: highest((row) => row.input),
    output: highest((row) => row.output),
    cacheWrite5m: highest((row) => row.cacheWrite5m),
    cacheWrite1h: highest((row) => row.cacheWrite1h),
    cacheRead: highest((row) => row.cacheRead),
  });
}

function rowsOfFamily(family: Family): ModelPrices[] {
  return Object.entries(PRICE_TABLE)
    .filter(([modelId]) => familyOf(modelId) === family)
    .map(([, prices]) => prices);
}

const CEILING_OF_ALL = ceilingOf(Object.values(PRICE_TABLE));

const CEILING_BY_FAMILY: Readonly<Record<Family, ModelPrices>> = Object.freeze({
  opus: ceilingOf(rowsOfFamily('opus')),
  sonnet: ceilingOf(rowsOfFamily('sonnet')),
  haiku: ceilingOf(rowsOfFamily('haiku')),
});
