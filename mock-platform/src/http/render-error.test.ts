import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DomainError, type DomainErrorKind } from '../platform/domain-errors.ts';
import { renderError } from './errors.ts';

describe('renderError maps each kind of domain refusal to its one HTTP status', () => {
  it.each<[DomainErrorKind, number]>([
    ['invalid', 400],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['too_large', 413],
    ['unsupported_type', 415],
    ['upstream', 502],
  ])('%s → %i, in the one error shape', async (kind, status) => {
    const app = new Hono();
    app.onError(renderError);
    app.get('/', () => {
      throw new DomainError(kind, 'some_code', 'What happened', [{ path: 'field', message: 'why' }]);
    });
    const response = await app.request('/');
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      error: { code: 'some_code', message: 'What happened', issues: [{ path: 'field', message: 'why' }] },
    });
  });
});
