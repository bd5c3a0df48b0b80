import type { VERTICALS } from './business-profile.ts';

/**
 * The signup's words in English and Spanish: business categories by name (Meta's codes are what
 * the form sends) and what "Use this profile" says of the number it picked.
 */
export type SignupLanguage = 'en' | 'es';
type Vertical = Exclude<(typeof VERTICALS)[number], 'UNDEFINED'>;

export const CATEGORY_NAMES: Record<SignupLanguage, Record<Vertical, string>> = {
  en: {
    OTHER: 'Other',
    AUTO: 'Automotive',
    BEAUTY: 'Beauty, spa and salon',
    APPAREL: 'Clothing and apparel',
    EDU: 'Education',
    ENTERTAIN: 'Entertainment',
    EVENT_PLAN: 'Event planning and service',
    FINANCE: 'Finance and banking',
    GROCERY: 'Food and grocery',
    GOVT: 'Public service',
    HOTEL: 'Hotel and lodging',
    HEALTH: 'Medical and health',
    NONPROFIT: 'Non-profit',
    PROF_SERVICES: 'Professional services',
    RETAIL: 'Shopping and retail',
    TRAVEL: 'Travel and transportation',
    RESTAURANT: 'Restaurant',
    NOT_A_BIZ: 'Not a business',
  },
  es: {
    OTHER: 'Otra',
    AUTO: 'Automoción',
    BEAUTY: 'Belleza, spa y peluquería',
    APPAREL: 'Ropa y accesorios',
    EDU: 'Educación',
    ENTERTAIN: 'Entretenimiento',
    EVENT_PLAN: 'Organización de eventos',
    FINANCE: 'Finanzas y banca',
    GROCERY: 'Alimentación',
    GOVT: 'Servicio público',
    HOTEL: 'Hotel y alojamiento',
    HEALTH: 'Medicina y salud',
    NONPROFIT: 'Organización sin ánimo de lucro',
    PROF_SERVICES: 'Servicios profesionales',
    RETAIL: 'Compras y comercio minorista',
    TRAVEL: 'Viajes y transporte',
    RESTAURANT: 'Restaurante',
    NOT_A_BIZ: 'No es una empresa',
  },
};

/** What the signup says of an existing profile's number; `{number}` is replaced by the page. */
export const PROFILE_STATE_WORDS: Record<SignupLanguage, Record<'connected' | 'pending' | 'unverified', string>> = {
  en: {
    connected: '{number} is connected to this account: nothing else to do. Create its channel in Loro if it has none.',
    pending:
      '{number} is registered and WhatsApp is reviewing it (pending): create its channel in Loro; it turns approved once WhatsApp approves the number.',
    unverified:
      '{number} is not verified yet: send it a code below and enter it to finish. Until then it cannot become a channel.',
  },
  es: {
    connected:
      '{number} está conectado a esta cuenta: no hay nada más que hacer. Cree su canal en Loro si todavía no lo tiene.',
    pending:
      '{number} está registrado y WhatsApp lo está revisando (pendiente): cree su canal en Loro; pasará a aprobado cuando WhatsApp apruebe el número.',
    unverified:
      '{number} todavía no está verificado: envíele un código a continuación e introdúzcalo para terminar. Hasta entonces no puede ser un canal.',
  },
};

/** Spanish when the browser puts it before English (`Accept-Language`), else English. */
export function signupLanguage(acceptLanguage: string | undefined): SignupLanguage {
  const first = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .find((part) => part.startsWith('es') || part.startsWith('en'));
  return first?.startsWith('es') ? 'es' : 'en';
}
