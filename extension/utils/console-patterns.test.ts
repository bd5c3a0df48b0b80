import { describe, expect, it } from 'vitest';
import { overlayMatches, parseConsolePatterns } from './console-patterns.ts';

describe('console URL patterns', () => {
  it('accepts Chrome match patterns one per line and names the first invalid line', () => {
    expect(
      parseConsolePatterns('https://crm.example.com/*\n\n  https://*.acme.io/agents/*  \nhttps://crm.example.com/*'),
    ).toEqual({
      ok: true,
      patterns: ['https://crm.example.com/*', 'https://*.acme.io/agents/*'],
    });
    expect(parseConsolePatterns('https://crm.example.com/*\ncrm.example.com')).toEqual({
      ok: false,
      line: 2,
      pattern: 'crm.example.com',
    });
    expect(parseConsolePatterns('ftp://x/*').ok).toBe(false);
    expect(overlayMatches(['https://crm.example.com/*', 'http://localhost/demo/*'])).toEqual([
      'http://127.0.0.1/demo/*',
      'http://localhost/demo/*',
      'https://crm.example.com/*',
    ]);
  });

  it.each([
    ['http://crm.local:8080/*', true],
    ['https://*.acme.io:8443/agents/*', true],
    ['*://console.example.com/*', true],
    ['http://crm.local:port/*', false],
    ['https://crm.example.com', false],
    ['https://crm.*.com/*', false],
  ])('%s is a pattern Chrome accepts: %s (ports included, unlike WXT’s MatchPattern)', (pattern, ok) => {
    expect(parseConsolePatterns(pattern).ok).toBe(ok);
  });
});
