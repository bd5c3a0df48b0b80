// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlatformError } from '../utils/api-client.ts';
import { TemplatePicker } from './template-picker.tsx';

afterEach(cleanup);

describe('TemplatePicker (TP-6)', () => {
  it('loads the channel’s custom component in a frame at its configured height, once per conversation', async () => {
    const load = vi.fn(async () => ({
      name: 'WhatsApp templates',
      url: 'http://127.0.0.1:8787/components/templates/conv_1#token=abc',
      height: 240,
      expiresAt: Date.now() + 60_000,
    }));
    const { rerender } = render(<TemplatePicker conversationId="conv_1" load={load} />);
    const frame = (await screen.findByTestId('template-frame')) as HTMLIFrameElement;
    expect(frame.getAttribute('src')).toBe('http://127.0.0.1:8787/components/templates/conv_1#token=abc');
    expect(frame.style.height).toBe('240px');
    expect(frame.title).toBe('WhatsApp templates');
    rerender(<TemplatePicker conversationId="conv_1" load={async () => load()} />);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says templates are unavailable, and why, without a custom component', async () => {
    const message =
      'Templates are unavailable: no custom component is set up for this channel. An administrator adds one in Digital settings → Custom components.';
    render(
      <TemplatePicker
        conversationId="conv_1"
        load={() => Promise.reject(new PlatformError(404, 'no_custom_component', message))}
      />,
    );
    await waitFor(() => expect(screen.getByTestId('templates-unavailable').textContent).toBe(message));
    expect(screen.queryByTestId('template-frame')).toBeNull();
  });
});
