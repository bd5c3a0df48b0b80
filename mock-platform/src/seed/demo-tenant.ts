import { defaultChannelPermissions } from '../../../shared/api/permissions.ts';
import { hashPassword, PASSWORD_COST } from '../auth/passwords.ts';
import { type PlatformSchema, put } from '../platform/records.ts';
import { putSim, type SimulatorSchema } from '../simulator/records.ts';
import type { Store, WriteOp } from '../store/store.ts';

/**
 * The demo tenant. Its identifiers are stable (README lists them) so QA scripts can rely on them.
 */
export const DEMO = {
  accountId: 'acct_demo',
  wabaId: '100000000000001',
  businessName: 'Loro Demo Store',
  phoneNumberId: '200000000000001',
  phoneNumber: '+16145551234',
  channelId: 'ch_demo_whatsapp',
  channelName: 'Demo WhatsApp',
  skillId: 'skill_demo_support',
  skillName: 'Customer support',
  billingSkillId: 'skill_demo_billing',
  billingSkillName: 'Billing',
  roleId: 'role_demo_agents',
  scriptId: 'script_demo_default',
  /** A component left from the Smooch era: the reference has the administrator find and remove it (TP-5). */
  legacyComponentId: 'component_legacy_smooch',
  roleName: 'Agents',
  /** A second verified number on the WhatsApp account, not yet a channel: the admin can add it. */
  spareNumber: { phoneNumberId: '200000000000002', phoneNumber: '+16145550199' },
  templateId: '300000000000001',
  templateName: 'order_update',
  surveyTemplateId: '300000000000002',
  surveyTemplateName: 'satisfaction_survey',
  users: {
    admin: { id: 'user_admin', username: 'admin', password: 'loro-admin', displayName: 'Alex Admin', role: 'admin' },
    ana: { id: 'user_ana', username: 'ana', password: 'loro-agent', displayName: 'Ana Agent', role: 'agent' },
    bruno: { id: 'user_bruno', username: 'bruno', password: 'loro-agent', displayName: 'Bruno Agent', role: 'agent' },
    sofia: {
      id: 'user_sofia',
      username: 'sofia',
      password: 'loro-supervisor',
      displayName: 'Sofia Supervisor',
      role: 'supervisor',
    },
  },
  closureReasons: [
    { id: 'closure_resolved', name: 'Resolved · Resuelto' },
    { id: 'closure_info', name: 'Information given · Información proporcionada' },
    { id: 'closure_no_reply', name: 'Customer did not reply · El cliente no respondió' },
    { id: 'closure_wrong_number', name: 'Wrong number · Número equivocado' },
  ],
  unavailableReasons: [
    { id: 'reason_break', name: 'Break', nameEs: 'Descanso' },
    { id: 'reason_lunch', name: 'Lunch', nameEs: 'Comida' },
    { id: 'reason_training', name: 'Training', nameEs: 'Formación' },
    { id: 'reason_meeting', name: 'Meeting', nameEs: 'Reunión' },
  ],
} as const;

export interface SeedOptions {
  /** scrypt cost of the demo users' passwords: tests pass TEST_PASSWORD_COST, production the default. */
  passwordCost?: number;
}

/**
 * Seeds the demo tenant the first time a data directory is used, never again: what an operator
 * deletes later (the demo administrator, a role, a skill) stays deleted across restarts.
 *
 * The marker is the tenant's settings row: it is written in the same atomic commit as the rest
 * of the demo and is never deleted (settings are only updated), so its presence means "seeded".
 */
export async function seedPlatform(
  store: Store<PlatformSchema>,
  { passwordCost = PASSWORD_COST }: SeedOptions = {},
): Promise<void> {
  if (store.get('settings', 'tenant')) {
    await migrateDemoAgents(store);
    return;
  }
  const ops: WriteOp<PlatformSchema>[] = [];
  const missing = <C extends keyof PlatformSchema & string>(collection: C, row: PlatformSchema[C]) => {
    if (!store.get(collection, row.id)) ops.push(put(collection, row));
  };
  missing('settings', { id: 'tenant', maskSensitiveData: false });
  missing('accounts', { id: DEMO.accountId, name: DEMO.businessName, wabaId: DEMO.wabaId });
  missing('skills', { id: DEMO.skillId, name: DEMO.skillName, acceptReject: true });
  missing('skills', { id: DEMO.billingSkillId, name: DEMO.billingSkillName, acceptReject: true });
  missing('roles', {
    id: DEMO.roleId,
    name: DEMO.roleName,
    description: 'Every WhatsApp permission on the demo channel',
    channels: { [DEMO.channelId]: [...defaultChannelPermissions] },
  });
  missing('routingScripts', {
    id: DEMO.scriptId,
    name: 'Billing words to Billing, the rest to support',
    rules: [
      {
        name: 'Billing',
        when: [{ field: 'text', op: 'matches', value: '\\b(invoice|billing|factura|cobro)\\b' }],
        route: { skillId: DEMO.billingSkillId, priority: 1 },
      },
    ],
    fallback: { skillId: DEMO.skillId, priority: 0 },
  });
  missing('customComponents', {
    id: DEMO.legacyComponentId,
    name: 'Templates (Smooch)',
    url: 'https://app.smooch.io/apps/loro-demo/templates/%s',
    height: 200,
    channelIds: [],
  });
  missing('channels', {
    id: DEMO.channelId,
    accountId: DEMO.accountId,
    name: DEMO.channelName,
    phoneNumberId: DEMO.phoneNumberId,
    phoneNumber: DEMO.phoneNumber,
    status: 'approved',
    defaultSkillId: DEMO.skillId,
  });
  for (const user of Object.values(DEMO.users)) {
    if (store.get('users', user.id)) continue;
    ops.push(
      put('users', {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        ...(user.role === 'agent' ? { roleId: DEMO.roleId } : {}),
        passwordHash: await hashPassword(user.password, passwordCost),
        // Both agents take support (Ana is the more proficient); only Bruno takes billing.
        skills:
          user.id === DEMO.users.ana.id
            ? [{ skillId: DEMO.skillId, proficiency: 8 }]
            : user.id === DEMO.users.bruno.id
              ? [
                  { skillId: DEMO.skillId, proficiency: 6 },
                  { skillId: DEMO.billingSkillId, proficiency: 7 },
                ]
              : [],
        capacity: 3,
      }),
    );
  }
  for (const reason of DEMO.closureReasons) missing('closureReasons', reason);
  for (const reason of DEMO.unavailableReasons) missing('unavailableReasons', reason);
  await store.commit(ops);
}

/** Demo agents created before roles existed get the demo role (RP-2: every agent has one). */
async function migrateDemoAgents(store: Store<PlatformSchema>): Promise<void> {
  const ops: WriteOp<PlatformSchema>[] = [];
  for (const user of Object.values(DEMO.users)) {
    const stored = store.get('users', user.id);
    if (stored?.role === 'agent' && !stored.roleId && store.get('roles', DEMO.roleId))
      ops.push(put('users', { ...stored, roleId: DEMO.roleId }));
  }
  if (ops.length > 0) await store.commit(ops);
}

/** The simulator's collections: a simulator store holding any row was seeded before. */
const SIMULATOR_MARKERS = ['wabas', 'phoneNumbers', 'templates'] as const;

/**
 * The Meta side of the demo: the WhatsApp Business account, its number and one approved
 * template; only into an empty simulator store (seeded once, like the platform).
 */
export async function seedSimulator(store: Store<SimulatorSchema>): Promise<void> {
  if (SIMULATOR_MARKERS.some((collection) => store.count(collection) > 0)) return;
  const ops: WriteOp<SimulatorSchema>[] = [];
  const missing = <C extends keyof SimulatorSchema & string>(collection: C, row: SimulatorSchema[C]) => {
    if (!store.get(collection, row.id)) ops.push(putSim(collection, row));
  };
  missing('wabas', { id: DEMO.wabaId, name: DEMO.businessName });
  missing('phoneNumbers', {
    id: DEMO.phoneNumberId,
    wabaId: DEMO.wabaId,
    phoneNumber: DEMO.phoneNumber,
    verifiedName: DEMO.businessName,
    status: 'CONNECTED',
    qualityRating: 'GREEN',
    messagingLimitTier: 'TIER_1K',
    codeVerificationStatus: 'VERIFIED',
  });
  missing('phoneNumbers', {
    id: DEMO.spareNumber.phoneNumberId,
    wabaId: DEMO.wabaId,
    phoneNumber: DEMO.spareNumber.phoneNumber,
    verifiedName: DEMO.businessName,
    status: 'CONNECTED',
    qualityRating: 'GREEN',
    messagingLimitTier: 'TIER_1K',
    codeVerificationStatus: 'VERIFIED',
  });
  missing('templates', {
    id: DEMO.templateId,
    wabaId: DEMO.wabaId,
    name: DEMO.templateName,
    language: 'en_US',
    category: 'UTILITY',
    status: 'APPROVED',
    components: [
      {
        type: 'BODY',
        text: 'Hello {{1}}, your order {{2}} has shipped.',
        example: { body_text: [['María', 'A-1042']] },
      },
      { type: 'FOOTER', text: 'Loro Demo Store' },
    ],
  });
  missing('templates', {
    id: DEMO.surveyTemplateId,
    wabaId: DEMO.wabaId,
    name: DEMO.surveyTemplateName,
    language: 'en_US',
    category: 'UTILITY',
    status: 'APPROVED',
    components: [
      {
        type: 'BODY',
        text: 'Thank you, {{1}}! How did we do? Reply with a number from 1 (poor) to 5 (great).',
        example: { body_text: [['María']] },
      },
    ],
  });
  await store.commit(ops);
}
