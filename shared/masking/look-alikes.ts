/**
 * Numbers that are written like a phone number of some region but are something else: dates,
 * amounts, and codes named as such ("order 612 34 56 78"). Read in the format of any of some 245
 * regions, almost any group of digits is a valid phone number somewhere.
 */

/** 2026-11-21, 21/11/2026, 21.11.26: one separator, day and month of one or two digits. */
const DATE = /^(?:\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2(?:\d{2}|\d{4}))$/;

/** 1.234.567, 1,234,567.89, 1 234 567: thousands separated by dots, commas or spaces. */
const THOUSANDS = /^(?:\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d(?: \d{3})+)$/;

const CURRENCY_BEFORE =
  /(?:[$€£¥₹]|R\$|\b(?:EUR|USD|MXN|BRL|GBP|INR|Rs\.?)|(?<![\p{L}])(?:price|precio|total|importe|amount|monto|saldo|balance|cantidad|quantity|qty|valor|value|pagu[eé]|pay|paid|cost|costo|coste)(?![\p{L}])[\s:]*)\s?$/iu;
const CURRENCY_AFTER =
  /^\s?(?:[$€£¥₹]|(?:EUR|USD|MXN|BRL|GBP|INR|euros?|pesos?|d[oó]lares|dollars?|reais|libras|pounds?|rupias|rupees)\b)/i;

/** The code's name right before it: "Pedido nº", "order #", "Invoice:", "ref.". */
const NAMED_CODE =
  /(?:(?<![\p{L}\p{N}])(?:order|orders|pedido|orden|invoice|factura|ticket|ref|reference|referencia|tracking|seguimiento|c[oó]digo|code|albar[aá]n|reserva|booking|localizador|expediente|account|cuenta|id|serial|serie|build|version|versi[oó]n|p[oó]liza|policy|contrato|contract|cliente|customer|transacci[oó]n|transaction|operaci[oó]n)(?![\p{L}\p{N}])[\s:.#\-ºª°]*(?:(?:n[oº°]|num|núm|number|n[uú]mero|de)(?![\p{L}\p{N}])\.?[\s:.#\-ºª°]*)*|#)$/iu;

/**
 * True when `candidate`, found at `start`–`end` in `text`, is a date, an amount or a named code
 * rather than a phone number.
 */
export function isLookAlike(text: string, start: number, end: number): boolean {
  return isAmountOrDate(text, start, end) || isNamedCode(text, start);
}

/**
 * Written as an amount: decimals ("123456.78") or groups of three after the first
 * ("12 345 678"). A currency next to digits grouped otherwise ("98765 43210 $") does not make
 * them an amount.
 */
function amountShaped(candidate: string): boolean {
  const groups = candidate.split(/\D+/).filter(Boolean);
  return /[.,]\d{1,2}$/.test(candidate) || (groups.length > 1 && groups.slice(1).every((g) => g.length === 3));
}

/** A date, or an amount (thousands separators, or written as one with a currency or "total" next to it). */
export function isAmountOrDate(text: string, start: number, end: number): boolean {
  const candidate = text.slice(start, end);
  if (isDateOrAmountShape(candidate)) return true;
  if (!amountShaped(candidate)) return false;
  return (
    CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 40), start)) || CURRENCY_AFTER.test(text.slice(end, end + 12))
  );
}

/** A date or an amount by its shape alone: "21/11/2026", "1.234.567,89", "1 234 567". */
function isDateOrAmountShape(candidate: string): boolean {
  return DATE.test(candidate) || THOUSANDS.test(candidate);
}

/** The text names what starts at `start` as a code: "Pedido nº", "order #", "Invoice:", "ref.". */
export function isNamedCode(text: string, start: number): boolean {
  return NAMED_CODE.test(text.slice(Math.max(0, start - 40), start));
}
