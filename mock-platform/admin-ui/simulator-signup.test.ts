import { describe, expect, it } from 'vitest';
import { simulatorSignupAvailable } from './simulator-signup.ts';

describe('"Connect a number" points to the simulator’s signup only when it is mounted', () => {
  it.each([
    [404, false],
    [200, true],
    [401, true],
  ])('HEAD /simulator/signup answering %i → %s', async (status, expected) => {
    const fetchImpl = (async () => new Response(null, { status })) as typeof fetch;
    expect(await simulatorSignupAvailable(fetchImpl)).toBe(expected);
  });

  it('keeps the link when the question cannot be asked', async () => {
    const fetchImpl = (async () => {
      throw new Error('offline');
    }) as typeof fetch;
    expect(await simulatorSignupAvailable(fetchImpl)).toBe(true);
  });
});
