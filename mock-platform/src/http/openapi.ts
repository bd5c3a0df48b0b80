import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { ZodType } from 'zod';
import { apiErrorSchema } from '../../../shared/api/schemas.ts';
import { validationHook } from './errors.ts';

/** A router whose invalid input is answered in the platform's one error shape. */
export function router<E extends Env = Env>() {
  return new OpenAPIHono<E>({ defaultHook: validationHook });
}

/** `{ content: { 'application/json': { schema } } }`, the OpenAPI boilerplate. */
export function jsonContent<T extends ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

const error = (description: string) => jsonContent(apiErrorSchema, description);

/** The error answers most routes can give, documented once. */
export const errorResponses = {
  400: error('The request is invalid: `issues` names each field and rule'),
  401: error('No valid session: sign in again'),
  403: error('Signed in, but not allowed to do this'),
  404: error('No such resource, or not one you may see'),
  409: error('Not possible in the resource’s current state'),
  502: error('WhatsApp’s Cloud API refused the platform’s call or could not be reached'),
} as const;

export const bearerSecurity = [{ bearerAuth: [] }];
