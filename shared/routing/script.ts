import { DateTime } from 'luxon';
import { z } from 'zod';
import { type BusinessHours, businessTimeBetween } from '../sla/business-hours.ts';
import { patternMatches, patternProblem } from './pattern.ts';

/**
 * Routing scripts (RT-4): an ordered list of rules, read top to bottom like a flow chart. The
 * first rule whose conditions all hold sets the contact's skill and priority; none → the
 * script's fallback (or, without one, the channel's default skill).
 */
export const conditionSchema = z.discriminatedUnion('field', [
  z
    .object({
      field: z.literal('text'),
      op: z.enum(['contains', 'equals', 'matches']),
      value: z.string().min(1).max(500),
    })
    // Patterns are checked when a script or queue is saved (RE2 syntax), not when a customer writes.
    .superRefine((condition, ctx) => {
      const problem = condition.op === 'matches' ? patternProblem(condition.value) : undefined;
      if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
    }),
  z.object({ field: z.literal('channel'), op: z.literal('is'), value: z.string().min(1) }),
  z.object({ field: z.literal('customerCountry'), op: z.literal('in'), value: z.array(z.string().length(2)).min(1) }),
  z.object({ field: z.literal('customerKnown'), op: z.literal('is'), value: z.boolean() }),
  z.object({ field: z.literal('businessHours'), op: z.literal('is'), value: z.enum(['open', 'closed']) }),
  z.object({ field: z.literal('weekday'), op: z.literal('in'), value: z.array(z.number().int().min(1).max(7)).min(1) }),
  z.object({
    field: z.literal('localTime'),
    op: z.literal('between'),
    value: z.tuple([z.string().regex(/^\d\d:\d\d$/), z.string().regex(/^\d\d:\d\d$/)]),
  }),
]);
export type Condition = z.infer<typeof conditionSchema>;

const targetSchema = z.object({ skillId: z.string().min(1), priority: z.number().int().min(0).max(10) });

const scriptShape = z.object({
  name: z.string().min(1).max(100),
  rules: z
    .array(
      z.object({ name: z.string().max(100).optional(), when: z.array(conditionSchema).min(1), route: targetSchema }),
    )
    .max(100),
  fallback: targetSchema.optional(),
});

/** A script as an administrator sends it (the id is in the URL). */
export const routingScriptBodySchema = scriptShape;
export const routingScriptSchema = scriptShape.extend({ id: z.string() });
export type RoutingScript = z.infer<typeof routingScriptSchema>;

/** What a script can look at. */
export interface Contact {
  text: string;
  channelId: string;
  /** ISO country of the customer's number, when known. */
  customerCountry: string | undefined;
  /** The customer wrote before this conversation. */
  customerKnown: boolean;
  now: number;
  businessHours: BusinessHours;
}

/** Whether one condition holds for a contact (shared by routing scripts and routing queues). */
export function holds(condition: Condition, contact: Contact): boolean {
  const local = DateTime.fromMillis(contact.now, { zone: contact.businessHours.timeZone });
  switch (condition.field) {
    case 'text': {
      const text = contact.text.toLocaleLowerCase();
      if (condition.op === 'contains') return text.includes(condition.value.toLocaleLowerCase());
      if (condition.op === 'equals') return text.trim() === condition.value.toLocaleLowerCase().trim();
      return patternMatches(condition.value, contact.text);
    }
    case 'channel':
      return contact.channelId === condition.value;
    case 'customerCountry':
      return contact.customerCountry !== undefined && condition.value.includes(contact.customerCountry);
    case 'customerKnown':
      return contact.customerKnown === condition.value;
    case 'businessHours': {
      const open = businessTimeBetween(contact.now, contact.now + 1, contact.businessHours) > 0;
      return condition.value === (open ? 'open' : 'closed');
    }
    case 'weekday':
      return condition.value.includes(local.weekday);
    case 'localTime': {
      const time = local.toFormat('HH:mm');
      return condition.value[0] <= time && time < condition.value[1];
    }
  }
}

/** The first matching rule's target (with its index), the fallback (index -1), or undefined. */
export function evaluateScript(
  script: RoutingScript,
  contact: Contact,
): { skillId: string; priority: number; rule: number } | undefined {
  const index = script.rules.findIndex((rule) => rule.when.every((condition) => holds(condition, contact)));
  const rule = script.rules[index];
  if (rule) return { ...rule.route, rule: index };
  return script.fallback ? { ...script.fallback, rule: -1 } : undefined;
}
