import { describe, expect, it } from 'vitest';
import { buildPlatformUrl } from './build-platform-url.ts';

describe('the platform URL the extension is built against', () => {
  it.each([
    [{}, 'http://127.0.0.1:8787'],
    [{ PORT: '9000' }, 'http://127.0.0.1:9000'],
    [{ PORT: '9000', HOST: '0.0.0.0' }, 'http://127.0.0.1:9000'],
    [{ HOST: 'localhost' }, 'http://localhost:8787'],
    [{ HOST: '::1', PORT: '9001' }, 'http://[::1]:9001'],
    [{ LORO_PLATFORM_URL: 'https://loro.example.com/', PORT: '9000' }, 'https://loro.example.com'],
  ])('%o → %s', (env, url) => {
    expect(buildPlatformUrl(env)).toBe(url);
  });
});
