import { describe, expect, it } from 'vitest';
import { componentUrl, isLegacyComponentUrl } from './custom-components.ts';

describe('custom component URLs (TP-5, TP-6)', () => {
  it('replaces %s with the conversation id, encoded', () => {
    expect(componentUrl('https://loro.example/components/templates/%s', 'conv_1')).toBe(
      'https://loro.example/components/templates/conv_1',
    );
    expect(componentUrl('https://x.example/t?c=%s&again=%s', 'a b/c')).toBe(
      'https://x.example/t?c=a%20b%2Fc&again=a%20b%2Fc',
    );
  });

  it('flags Smooch-era components as legacy', () => {
    expect(isLegacyComponentUrl('https://app.smooch.io/templates/%s')).toBe(true);
    expect(isLegacyComponentUrl('https://loro.example/components/templates/%s')).toBe(false);
  });
});
