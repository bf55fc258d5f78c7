// storageProblem: the browsers' storage error texts read once, for the writer and the sync engine.
import { describe, expect, it } from 'vitest';
import { storageProblem } from '../../../lib/storage/storage-problem';

describe('storageProblem', () => {
  it("names the problem from the browser's error", () => {
    expect(storageProblem(new Error('QUOTA_BYTES quota exceeded'))).toBe('quota');
    expect(storageProblem(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'))).toBe('quota');
    expect(storageProblem(new Error('MAX_ITEMS quota exceeded'))).toBe('quota');
    expect(storageProblem(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'))).toBe('rate');
    expect(
      storageProblem({ name: 'QuotaExceededError', message: 'storage.sync API call exceeded its quota limitations' }),
    ).toBe('quota');
    expect(storageProblem(new Error('IO error'))).toBe('failed');
  });

  it('a write-rate limit is not a full store; a plain string error is read too', () => {
    expect(storageProblem(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.'))).toBe('rate');
    expect(storageProblem('QUOTA_BYTES quota exceeded')).toBe('quota');
    expect(storageProblem(undefined)).toBe('failed');
  });
});
