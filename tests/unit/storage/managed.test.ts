import { describe, expect, it } from 'vitest';
import { readManaged } from '../../../lib/storage/managed';

describe('readManaged', () => {
  it('a rejecting get() (Firefox without a policy) is no policy', async () => {
    const result = await readManaged({ get: () => Promise.reject(new Error('Managed storage manifest not found')) });
    expect(result.config.present).toBe(false);
    expect(result.problems).toEqual([]);
  });

  it('no managed area at all is no policy', async () => {
    expect((await readManaged(null)).config.present).toBe(false);
  });

  it('validates what the area holds', async () => {
    const result = await readManaged({ get: () => Promise.resolve({ syncAllowed: false, organisationName: 5 }) });
    expect(result.config.syncAllowed).toBe(false);
    expect(result.problems).toEqual([{ path: 'organisationName', reason: 'wrong-type' }]);
  });
});
