// What a failed browser storage call means, for local and sync storage alike: the one reading of
// the browsers' error texts. Chrome: 'QUOTA_BYTES quota exceeded', '… MAX_WRITE_OPERATIONS_PER_MINUTE
// quota.'; Firefox: a QuotaExceededError. Anything else is a plain failure.
export type StorageProblem = 'quota' | 'rate' | 'failed';

export function storageProblem(error: unknown): StorageProblem {
  const { name, message } = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as {
    name?: unknown;
    message?: unknown;
  };
  const text = `${String(name ?? '')} ${String(message ?? '')}`;
  if (/MAX_WRITE_OPERATIONS/.test(text)) return 'rate';
  if (/quota/i.test(text)) return 'quota';
  return 'failed';
}
