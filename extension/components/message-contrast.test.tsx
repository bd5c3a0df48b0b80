// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../shared/api/schemas.ts';
import { contrastRatio } from '../utils/contrast.ts';
import { MessageBubble } from './message-bubble.tsx';

const message = (extra: Partial<MessageView>): MessageView => ({
  id: 'm1',
  conversationId: 'c1',
  direction: 'inbound',
  text: 'Hola, ¿me ayudas?',
  timestamp: Date.now(),
  seq: 1,
  ...extra,
});

/** Renders bubbles inside the transcript with the side panel's real stylesheet. */
function transcript(...messages: [MessageView, { otherAgent?: boolean }?][]) {
  render(
    <div class="transcript">
      {messages.map(([shown, options], index) => (
        <MessageBubble key={index} message={{ ...shown, id: `m${index}` }} customerInitials="MG" {...options} />
      ))}
    </div>,
  );
  return [...document.querySelectorAll<HTMLElement>('.message')];
}
// Read as text: Vitest does not process CSS imports, so panel.css's @import of the tokens is inlined here.
const tokensCss = readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'styles', 'tokens.css'), 'utf8');
const panelCss = readFileSync(join(import.meta.dirname, '..', 'styles', 'panel.css'), 'utf8').replace(
  /^@import .*tokens\.css";$/m,
  tokensCss,
);
const style = (element: Element | null | undefined) => getComputedStyle(element as Element);

describe('readable bubbles (issue 16 item 7), checked against panel.css', () => {
  beforeAll(() => {
    const sheet = document.createElement('style');
    sheet.textContent = panelCss;
    document.head.append(sheet);
  });
  afterEach(cleanup);

  it('outlines customer bubbles at least 3:1 against the transcript, their text at least 4.5:1', () => {
    const [customer] = transcript([message({})]);
    const bubble = customer?.querySelector('.bubble');
    const background = style(document.querySelector('.transcript')).backgroundColor;
    expect(contrastRatio(style(bubble).borderTopColor, background)).toBeGreaterThanOrEqual(3);
    expect(style(bubble).borderTopWidth).toBe('1px');
    expect(contrastRatio(style(document.documentElement).color, style(bubble).backgroundColor)).toBeGreaterThanOrEqual(
      4.5,
    );
    // What the tester measured before: the gray fill against the transcript was 1.09:1.
    expect(contrastRatio('#eef0f3', '#fafafa')).toBeLessThan(1.1);
  });

  it('sets message text at 13 px or more', () => {
    const [customer] = transcript([message({})]);
    const size = Number.parseFloat(style(customer?.querySelector('.text')).fontSize || '14');
    expect(size).toBeGreaterThanOrEqual(13);
    expect(panelCss).toMatch(/:root \{[^}]*font: var\(--text-md\)/);
    expect(tokensCss).toMatch(/--text-md: 14px;/);
  });

  it('shows read ticks in a white pill, delivered ones without: different in shape, not only in color', () => {
    const [delivered, read] = transcript(
      [message({ direction: 'outbound', status: 'delivered' })],
      [message({ direction: 'outbound', status: 'read' })],
    );
    const deliveredTicks = style(delivered?.querySelector('.ticks'));
    const readTicks = style(read?.querySelector('.ticks'));
    expect(readTicks.backgroundColor).not.toBe(deliveredTicks.backgroundColor);
    expect(contrastRatio(readTicks.color, readTicks.backgroundColor)).toBeGreaterThanOrEqual(4.5);
    expect(read?.querySelector('.visually-hidden')?.textContent).toBe('Read');
    expect(delivered?.querySelector('.visually-hidden')?.textContent).toBe('Delivered');
  });

  it('gives another agent’s replies (a conference) their own color, with readable text', () => {
    const [mine, theirs] = transcript(
      [message({ direction: 'outbound', senderName: 'Ana' })],
      [message({ direction: 'outbound', senderName: 'Bruno' }), { otherAgent: true }],
    );
    const own = style(mine?.querySelector('.bubble')).backgroundColor;
    const other = style(theirs?.querySelector('.bubble')).backgroundColor;
    expect(other).not.toBe(own);
    expect(contrastRatio('#ffffff', other)).toBeGreaterThanOrEqual(4.5);
    expect(theirs?.querySelector('.signature')?.textContent).toBe('Bruno');
  });
});
