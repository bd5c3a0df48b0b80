import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { CustomerT } from './i18n.ts';
import type { BusinessNumber, PhoneApi, PhoneMessage } from './phone-api.ts';

/** The file types the simulator takes (Meta's), given by the server as page data. */
export interface PhoneAccept {
  media: string;
  voice: string;
}

const TICKS: Record<string, string> = { accepted: '🕓', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '⚠' };
const MEDIA_KINDS = ['image', 'sticker', 'audio', 'video', 'document'];
/** "typing…" shows until the business's next message, or this long. */
export const TYPING_MS = 25_000;

const digits = (value: string) => value.replace(/[^0-9]/g, '');

/**
 * A customer's WhatsApp on one business number: the thread, live from the simulator's event
 * stream, and a composer for text, files, voice notes, answers to buttons and lists, and consent.
 * Text from messages is rendered as text by Preact, never as HTML.
 */
export function CustomerPhone({ api, t, accept }: { api: PhoneApi; t: CustomerT; accept: PhoneAccept }) {
  const [numbers, setNumbers] = useState<BusinessNumber[]>([]);
  const [business, setBusiness] = useState('');
  const [customer, setCustomer] = useState('+34 612 345 678');
  const [error, setError] = useState('');
  const [ready, setReady] = useState(false);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const messages = useRef(new Map<string, PhoneMessage>()).current;
  const typingTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>()).current;
  const reading = useRef(false);
  const text = useRef<HTMLTextAreaElement>(null);
  // Read as it is when a message goes: a script (or autofill) may set it without an input event.
  const nameInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const thread = useRef<HTMLElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const voiceInput = useRef<HTMLInputElement>(null);

  const current = `${business}:${digits(customer)}`;
  const list = [...messages.values()].filter((m) => m.thread === current).sort((a, b) => a.timestamp - b.timestamp);

  const typing = (key: string, on: boolean) => {
    clearTimeout(typingTimers.get(key));
    typingTimers.delete(key);
    if (on)
      typingTimers.set(
        key,
        setTimeout(() => typing(key, false), TYPING_MS),
      );
    redraw(0);
  };

  const loadThread = async (businessId: string, customerNumber: string) => {
    setError('');
    const answer = await api.thread(businessId, customerNumber);
    if (!answer.ok) {
      setError(answer.message);
      return;
    }
    for (const m of answer.value) messages.set(m.id, m);
    redraw(0);
    if (await api.typing(businessId, customerNumber)) typing(`${businessId}:${digits(customerNumber)}`, true);
  };

  // Started once, as the page opens.
  useEffect(() => {
    const start = async () => {
      const found = await api.numbers();
      const first = found[0]?.id ?? '';
      setNumbers(found);
      setBusiness(first);
      const events = api.events();
      events.addEventListener('message', (event) => {
        const m = JSON.parse(event.data) as PhoneMessage;
        messages.set(m.id, m);
        if (m.direction === 'outbound' && typingTimers.has(m.thread)) typing(m.thread, false);
        else redraw(0);
      });
      events.addEventListener('typing', (event) => typing(JSON.parse(event.data).thread, true));
      events.addEventListener('ready', () => setReady(true));
      await loadThread(first, customer);
    };
    start().catch((failure) => setError(String(failure)));
    document.addEventListener('visibilitychange', redraw);
    return () => document.removeEventListener('visibilitychange', redraw);
  }, []);

  // Ready (for a person or a test) once the numbers are on screen and the stream is open.
  useEffect(() => {
    if (ready) document.body.dataset.ready = 'true';
  }, [ready]);

  // The newest message in view; the business's messages read while the page is visible.
  useEffect(() => {
    if (thread.current) thread.current.scrollTop = thread.current.scrollHeight;
    if (reading.current || document.visibilityState !== 'visible') return;
    if (!list.some((m) => m.direction === 'outbound' && (m.status === 'sent' || m.status === 'delivered'))) return;
    reading.current = true;
    api.markRead(business, customer).finally(() => {
      reading.current = false;
    });
  });

  const send = async (part: Record<string, unknown>) => {
    const answer = await api.send({
      phoneNumberId: business,
      from: customer,
      name: nameInput.current?.value ?? '',
      ...part,
    });
    if (!answer.ok) {
      setError(answer.message);
      return false;
    }
    setError('');
    messages.set(answer.value.id, answer.value);
    redraw(0);
    return true;
  };

  const consent = async (optIn: boolean) => {
    const answer = await api.consent({ phoneNumberId: business, from: customer, optIn });
    setError(answer.ok ? t(optIn ? 'optedIn' : 'optedOut') : answer.message);
  };

  // A file from the phone: photo, sticker, audio, video or document (the caption is the typed
  // text); a voice note is an audio file sent as recorded in WhatsApp. Meta's types and sizes apply.
  const sendFile = (input: HTMLInputElement, voice: boolean) => {
    const file = input.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = async () => {
      const data = String(reader.result).split(',')[1] ?? '';
      const caption = voice ? '' : (text.current?.value.trim() ?? '');
      const media = {
        data,
        mimeType: file.type,
        filename: file.name,
        ...(caption ? { caption } : {}),
        ...(voice ? { voice: true } : {}),
      };
      if ((await send({ media })) && caption && text.current) text.current.value = '';
      input.value = '';
    };
    reader.readAsDataURL(file);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const value = text.current?.value ?? '';
    if (!value.trim()) return;
    if ((await send({ text: value })) && text.current) text.current.value = '';
  };

  const businessName = numbers.find((n) => n.id === business)?.verifiedName ?? t('business');

  return (
    <main>
      <header>
        <h1>{t('title')}</h1>
        <div data-testid="typing" class="typing" role="status" hidden={!typingTimers.has(current)}>
          {t('typing')}
        </div>
        <label>
          {t('businessNumber')}
          <select
            data-testid="business-number"
            value={business}
            onChange={(event) => {
              setBusiness(event.currentTarget.value);
              void loadThread(event.currentTarget.value, customer);
            }}
          >
            {numbers.map((n) => (
              <option key={n.id} value={n.id}>
                {`${n.verifiedName} · ${n.phoneNumber}${n.onWhatsApp ? '' : ` · ${t('notOnWhatsApp')}`}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('yourNumber')}
          <input
            data-testid="customer-number"
            value={customer}
            autocomplete="off"
            onInput={(event) => setCustomer(event.currentTarget.value)}
            onChange={(event) => void loadThread(business, event.currentTarget.value)}
          />
        </label>
        <label>
          {t('yourName')}
          <input data-testid="customer-name" ref={nameInput} defaultValue="María García" autocomplete="off" />
        </label>
        <div class="consent">
          <button type="button" data-testid="opt-in" onClick={() => void consent(true)}>
            {t('optIn')}
          </button>
          <button type="button" data-testid="opt-out" onClick={() => void consent(false)}>
            {t('optOut')}
          </button>
        </div>
      </header>
      <section class="thread" ref={thread} data-testid="thread" aria-live="polite">
        {list.length === 0 && <p class="empty">{t('empty')}</p>}
        {list.map((m) => (
          <Bubble
            key={m.id}
            m={m}
            quoted={m.replyTo ? messages.get(m.replyTo) : undefined}
            businessName={businessName}
            t={t}
            choose={(optionId) => void send({ choice: { messageId: m.id, optionId } })}
          />
        ))}
      </section>
      <div class="error" role="alert" data-testid="error">
        {error}
      </div>
      <form ref={form} onSubmit={submit}>
        <button
          type="button"
          class="attach"
          data-testid="attach-file"
          aria-label={t('attach')}
          title={t('attach')}
          onClick={() => fileInput.current?.click()}
        >
          +
        </button>
        <input
          type="file"
          ref={fileInput}
          accept={accept.media}
          hidden
          data-testid="file-input"
          onChange={(event) => sendFile(event.currentTarget, false)}
        />
        <button
          type="button"
          class="attach"
          data-testid="attach-voice"
          aria-label={t('voice')}
          title={t('voice')}
          onClick={() => voiceInput.current?.click()}
        >
          ♪
        </button>
        <input
          type="file"
          ref={voiceInput}
          accept={accept.voice}
          hidden
          data-testid="voice-input"
          onChange={(event) => sendFile(event.currentTarget, true)}
        />
        <textarea
          ref={text}
          data-testid="message-input"
          placeholder={t('placeholder')}
          maxLength={4096}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              form.current?.requestSubmit();
            }
          }}
        />
        <button type="submit" data-testid="send">
          {t('send')}
        </button>
      </form>
    </main>
  );
}

interface BubbleProps {
  m: PhoneMessage;
  quoted: PhoneMessage | undefined;
  businessName: string;
  t: CustomerT;
  choose: (optionId: string) => void;
}

function Bubble({ m, quoted, businessName, t, choose }: BubbleProps) {
  const mine = m.direction === 'inbound';
  // A document's text is its name when it has no caption: the file line shows it already.
  const shown = m.type === 'document' && m.payload && m.text === m.payload.filename ? '' : m.text;
  const time = new Date(m.timestamp).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <div
      class={`bubble ${mine ? 'mine' : 'theirs'}`}
      data-testid={mine ? 'customer-message' : 'business-message'}
      data-status={m.status ?? ''}
    >
      {quoted && (
        <div class="quote" data-testid="quoted">
          <span class="who">{quoted.direction === 'inbound' ? t('you') : businessName}</span>
          {quoted.text || (quoted.type === 'image' ? `📷 ${t('photo')}` : quoted.type)}
        </div>
      )}
      <Media m={m} t={t} />
      <div>{shown}</div>
      {m.direction === 'outbound' && m.type === 'interactive' && m.payload && <Options m={m} choose={choose} />}
      <div class="meta">
        {`${time} `}
        {m.direction === 'outbound' && m.status && (
          <span class={`ticks ${m.status}`} data-testid="status" title={m.status}>
            {TICKS[m.status] ?? ''}
          </span>
        )}
      </div>
    </div>
  );
}

/** A photo, sticker, voice note, audio, video or document, as the phone shows it (media by id from the simulator). */
function Media({ m, t }: { m: PhoneMessage; t: CustomerT }) {
  if (!MEDIA_KINDS.includes(m.type) || !m.payload) return null;
  const p = m.payload;
  const src: string | undefined = p.id ? `/simulator/api/media/${encodeURIComponent(p.id)}` : p.link;
  if (!src) return null;
  const common = { class: `media ${m.type}`, 'data-testid': `media-${m.type}` };
  if (m.type === 'image' || m.type === 'sticker') {
    return <img {...common} src={src} alt={m.type === 'image' ? t('photo') : t('sticker')} />;
  }
  if (m.type === 'document') {
    return (
      <a {...common} href={src} download={p.filename || 'document'}>
        {`📄 ${p.filename || t('document')}`}
      </a>
    );
  }
  if (m.type === 'video') return <video {...common} src={src} controls preload="none" />;
  return <audio {...common} src={src} controls preload="none" />;
}

/** The buttons or list rows of an interactive business message: tapping one answers it. */
function Options({ m, choose }: { m: PhoneMessage; choose: (optionId: string) => void }) {
  const action = m.payload.action ?? {};
  const option = (id: string, title: string, description?: string) => (
    <button type="button" key={id} data-testid="option" data-id={id} onClick={() => choose(id)}>
      {description ? `${title} — ${description}` : title}
    </button>
  );
  return (
    <div class="options">
      {(action.buttons ?? []).map((b: { reply: { id: string; title: string } }) => option(b.reply.id, b.reply.title))}
      {(action.sections ?? []).map(
        (section: { title?: string; rows?: { id: string; title: string; description?: string }[] }, i: number) => (
          // Product lists (product_items) show as the message's text; only list rows can be tapped.
          <div key={i} class="section-rows">
            {section.title && <div class="section">{section.title}</div>}
            {(section.rows ?? []).map((row) => option(row.id, row.title, row.description))}
          </div>
        ),
      )}
    </div>
  );
}
