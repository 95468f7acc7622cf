/** Items worked on at once: well inside the SDK's 50 sockets per client. */
export const ITEM_CONCURRENCY = 16;

/**
 * Runs `work` on every item, at most `limit` at a time, and only then throws,
 * with every failure, if any item failed: one bad item must not keep the
 * rest of a day from being processed.
 */
export async function forEachBounded<Item>(
  items: readonly Item[],
  limit: number,
  work: (item: Item) => Promise<void>,
): Promise<void> {
  const errors: unknown[] = [];
  let next = 0;

  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as Item;
      try {
        await work(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));

  if (errors.length > 0) {
    throw new AggregateError(errors, `${errors.length} of ${items.length} items failed`);
  }
}
