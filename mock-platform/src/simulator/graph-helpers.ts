import type { z } from 'zod';
import { SUBCODE_TITLES } from '../../../shared/whatsapp/template-rules.ts';
import { MetaError } from './meta-error.ts';

/** Meta's first validation error for a zod failure: 131008 for a missing field, 100 otherwise. */
export function toMetaError(error: z.ZodError): MetaError {
  const issue = error.issues[0];
  const path = issue?.path.join('.') || '(body)';
  if (issue?.code === 'invalid_type' && issue.input === undefined) {
    return new MetaError(400, 131008, `The parameter ${path} is required.`);
  }
  const details = `Invalid parameter ${path}: ${issue?.message ?? 'invalid'}`;
  // Template rules carry Meta's error_subcode (shared/whatsapp/template-rules.ts).
  const subcode = issue?.code === 'custom' ? Number(issue.params?.subcode) : Number.NaN;
  if (!Number.isInteger(subcode)) return new MetaError(400, 100, details);
  return new MetaError(400, 100, details, undefined, {
    subcode,
    userTitle: SUBCODE_TITLES[subcode],
    userMessage: issue?.message,
  });
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new MetaError(400, 100, 'The request body must be a JSON object');
  }
}

/** Where a media object is downloaded from (the simulator is mounted at `/graph`). */
export function mediaDownloadUrl(requestUrl: string, mediaId: string): string {
  return `${new URL(requestUrl).origin}/graph/media-download/${encodeURIComponent(mediaId)}`;
}
