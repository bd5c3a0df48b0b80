import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { adminPage, formDriver, useE2e } from './support/fixture.ts';

/**
 * Issue 17: the platform's own checks (a pattern RE2 refuses, a username taken) read in the UI's
 * language, next to the field they are about, never as an internal path in a summary.
 */
describe('admin UI: field errors in plain Spanish, next to their field', () => {
  const e2e = useE2e();
  let admin: Page;

  beforeAll(async () => {
    admin = await adminPage(e2e);
  });

  const click = (selector: string) => formDriver(admin).click(selector);
  const fill = (selector: string, value: string) => formDriver(admin).fill(selector, value);

  it('a routing pattern RE2 cannot run is refused under its condition, in Spanish', async () => {
    await admin.goto(`${e2e.platform.url}/admin`);
    await fill('[data-testid="admin-username"]', 'admin');
    await fill('[data-testid="admin-password"]', 'loro-admin');
    await click('[data-testid="admin-sign-in"]');
    await click('[data-testid="language"]');
    await click('[data-testid="nav-scripts"]');
    await click('[data-testid="add"]');
    await fill('[data-testid="field-name"]', 'Reembolsos');
    await click('[data-testid="add-rule"]');
    await admin.select('[data-testid="rule-0"] .condition select:nth-of-type(2)', 'matches');
    await fill('[data-testid="rule-0"] [data-testid="condition-value"]', '(a)\\1');
    await admin.select('[data-testid="field-rules.0.route.skillId"]', DEMO.skillId);
    await click('[data-testid="save"]');
    await admin.waitForSelector('[data-testid="error-rules.0.when.0"]');
    expect(await text(admin, '[data-testid="error-rules.0.when.0"]')).toMatch(
      /^no es una expresión regular que la plataforma pueda evaluar en tiempo lineal \(.+\); no se admiten referencias hacia atrás/,
    );
    expect(await text(admin, '[data-testid="form-error"]')).toBe(
      'Hay campos que corregir: mira el mensaje junto a cada uno.',
    );
    await (await admin.$('[data-testid="rule-0"]'))?.scrollIntoView();
    await screenshot(admin, 'admin-pattern-error-es');
  });

  it('a username already taken is said in Spanish next to the username', async () => {
    await click('[data-testid="nav-users"]');
    await click('[data-testid="add"]');
    await fill('[data-testid="field-username"]', 'ana');
    await fill('[data-testid="field-displayName"]', 'Ana Dos');
    await fill('[data-testid="field-password"]', 'una-clave-larga');
    await click('[data-testid="save"]');
    await admin.waitForSelector('[data-testid="error-username"]');
    expect(await text(admin, '[data-testid="error-username"]')).toBe('ana ya está en uso');
    await screenshot(admin, 'admin-username-taken-es');
  });

  it('time slots are picked with a date-and-time control; one in the past is refused beside it', async () => {
    await click('[data-testid="nav-rich-messages"]');
    await click('[data-testid="add"]');
    await fill('[data-testid="field-name"]', 'Cita');
    await admin.select('[data-testid="field-kind"]', 'time_picker');
    await fill('[data-testid="field-content.text"]', '¿Cuándo le llamamos?');
    const pick = async (index: number, value: string) => {
      await click('[data-testid="add-slot"]');
      await admin.waitForSelector(`[data-testid="slot-${index}"]`);
      await admin.$eval(
        `[data-testid="slot-${index}"]`,
        (input, time) => {
          (input as HTMLInputElement).value = time as string;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        },
        value,
      );
    };
    await pick(0, '2999-01-04T10:00');
    await pick(1, '2020-01-04T10:00');
    expect(await admin.$eval('[data-testid="slot-0"]', (input) => (input as HTMLInputElement).type)).toBe(
      'datetime-local',
    );
    await click('[data-testid="save"]');
    await admin.waitForSelector('[data-testid="error-content.slots.1"]');
    expect(await text(admin, '[data-testid="error-content.slots.1"]')).toBe('2020-01-04T10:00 ya ha pasado');
    expect(await admin.$('[data-testid="error-content.slots.0"]')).toBeNull();
    await screenshot(admin, 'admin-time-slots-es');
  });
});
