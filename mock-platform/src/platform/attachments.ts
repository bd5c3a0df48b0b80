import { CAPTION_MAX, type MessageMedia } from '../../../shared/api/attachment-schemas.ts';
import type { MessageView } from '../../../shared/api/schemas.ts';
import { isWindowOpen } from '../../../shared/customer-window.ts';
import { checkMedia, formatMediaSize } from '../../../shared/whatsapp/media-limits.ts';
import { isUncertainGraphFailure } from '../whatsapp/graph-client.ts';
import { attachmentPayload } from './attachment-payload.ts';
import type { PlatformContext } from './context.ts';
import { DomainError, invalidField, notFound } from './domain-errors.ts';
import { workableConversation } from './participants.ts';
import type { User } from './records.ts';
import { sendFreeForm } from './replies.ts';

/** A file the agent attached, as the upload route read it. */
export interface AgentFile {
  bytes: Uint8Array;
  /** Its MIME type, as the browser named it. */
  type: string;
  name: string;
}

/** Meta takes captions on these kinds only (an audio or a sticker has none). */
const CAPTIONED = new Set(['image', 'video', 'document']);
/** The longest document file name the Cloud API takes. */
const FILENAME_MAX = 240;

/**
 * The agent sends a file: Meta's type and size limits are checked, the file is uploaded to the
 * Cloud API's media endpoint of the conversation's number, then sent by its media id (with the
 * caption) through the outbox like any reply: recorded before it is sent, inside the 24-hour
 * window only. An upload WhatsApp refuses sends nothing and records nothing.
 */
export async function sendAttachment(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
  file: AgentFile,
  caption: string | undefined,
): Promise<MessageView> {
  const conversation = workableConversation(ctx, agent, conversationId, 'reply');
  if (!isWindowOpen(conversation.lastInboundAt, ctx.clock.now())) {
    throw new DomainError(
      'conflict',
      'window_closed',
      'More than 24 hours have passed since the customer last wrote: only an approved template can be sent',
    );
  }
  const check = checkMedia({ type: file.type, size: file.bytes.length });
  if (!check.ok) throw refusal(check);
  const text = caption?.trim() ? caption : undefined;
  if (text !== undefined && !CAPTIONED.has(check.kind)) {
    throw invalidField('caption', `a ${check.kind} cannot have a caption on WhatsApp: send the text as a reply`);
  }
  if (text !== undefined && text.length > CAPTION_MAX) {
    throw invalidField('caption', `must be at most ${CAPTION_MAX} characters`);
  }
  const channel = ctx.store.get('channels', conversation.channelId);
  if (!channel) throw notFound(`Channel ${conversation.channelId}`);
  const mimeType = file.type.split(';')[0]?.trim().toLowerCase() ?? file.type;
  const filename = fileName(file.name, mimeType);

  let mediaId: string;
  try {
    mediaId = await ctx.graph.uploadMedia(channel.phoneNumberId, { bytes: file.bytes, mimeType, filename });
  } catch (error) {
    if (isUncertainGraphFailure(error)) {
      // Not `whatsapp_unreachable`: nothing was recorded, so the panel must say so itself.
      throw new DomainError('upstream', 'upload_unreachable', 'WhatsApp could not be reached: the file was not sent');
    }
    const { code, message } = error as { code: number; message: string };
    throw new DomainError('upstream', 'upload_refused', `WhatsApp refused the file (${code}): ${message}`);
  }

  const kind = check.kind;
  const media: MessageMedia = { id: mediaId, kind, mimeType, ...(kind === 'document' ? { filename } : {}) };
  return sendFreeForm(ctx, agent, conversationId, {
    type: kind,
    text: text ?? '',
    media,
    send: (phoneNumberId, to, callbackData) =>
      ctx.graph.sendMessage(phoneNumberId, to, {
        ...attachmentPayload(media, text),
        biz_opaque_callback_data: callbackData,
      }),
  });
}

/** The 4xx for a file Meta would refuse, naming the `file` field and the rule it breaks. */
function refusal(check: Exclude<ReturnType<typeof checkMedia>, { ok: true }>): DomainError {
  if (check.rule === 'empty') return invalidField('file', 'is empty');
  if (check.rule === 'type') {
    return new DomainError(
      'unsupported_type',
      'unsupported_media_type',
      `file: WhatsApp does not take ${check.type || 'files of unknown type'} (images JPEG/PNG, stickers WebP, audio, MP4/3GPP video, PDF, Word, Excel or text documents)`,
      [{ path: 'file', message: `type ${check.type || '(none)'} is not supported by WhatsApp` }],
    );
  }
  const message = `${check.type} files are limited to ${formatMediaSize(check.maxBytes)} on WhatsApp`;
  return new DomainError('too_large', 'file_too_large', `file: ${message}`, [{ path: 'file', message }]);
}

/** The name the customer sees: no folders, at most Meta's length, keeping its extension. */
function fileName(name: string, mimeType: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() || `file.${mimeType.split('/')[1] ?? 'bin'}`;
  if (base.length <= FILENAME_MAX) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, FILENAME_MAX - extension.length) + extension;
}
