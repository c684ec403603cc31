// Runs `runOne` over items with at most `limit` in flight, starting them in list order. Each result
// is handed to `sink` before the slot is reused, so at most `limit` results are ever held in memory.

export async function runWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  runOne: (item: T) => Promise<R>,
  sink: (result: R) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const lane = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const item = items[next++];
      try {
        await sink(await runOne(item));
      } catch (err) {
        failure ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failure !== null) throw failure;
}
