const POWERS_OF_TEN = new Float64Array(23).map((_, i) => 10 ** i);
/** Up to 15 significant digits an integer mantissa stays exact in a double (< 2^53). */
const MAX_EXACT_DIGITS = 15;
/**
 * Far longer than any number a writer prints (17 significant digits and an exponent). A longer token is not
 * a number, and spreading a megabyte of it into `String.fromCharCode` would overflow the stack.
 */
const MAX_TOKEN_LENGTH = 400;

/**
 * Parses the ASCII number in `bytes[start, end)`, as `Number()` would but without making a string in the
 * common case: an exact integer mantissa times or divided by an exact power of ten is one correctly rounded
 * operation. Accepts `nan`, `inf` and `-inf` as PCL writes them. Returns undefined for anything else.
 */
export function parseDecimal(bytes: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  let c = bytes[i];
  const negative = c === 45; // '-'
  if (negative || c === 43) c = bytes[++i]; // '+'
  let mantissa = 0;
  let digits = 0;
  let exponent = 0;
  let seen = false;
  for (; c !== undefined && c >= 48 && c <= 57 && i < end; c = bytes[++i]) {
    seen = true;
    if (digits < MAX_EXACT_DIGITS) {
      mantissa = mantissa * 10 + (c - 48);
      if (mantissa !== 0) digits++;
    } else exponent++;
  }
  if (c === 46 && i < end) {
    // '.'
    for (c = bytes[++i]; c !== undefined && c >= 48 && c <= 57 && i < end; c = bytes[++i]) {
      seen = true;
      if (digits < MAX_EXACT_DIGITS) {
        mantissa = mantissa * 10 + (c - 48);
        if (mantissa !== 0) digits++;
        exponent--;
      }
    }
  }
  if ((c === 101 || c === 69) && i < end && seen) {
    // 'e' | 'E'
    c = bytes[++i];
    const negativeExponent = c === 45;
    if (negativeExponent || c === 43) c = bytes[++i];
    let e = 0;
    let expDigits = 0;
    for (; c !== undefined && c >= 48 && c <= 57 && i < end; c = bytes[++i], expDigits++) e = e * 10 + (c - 48);
    if (expDigits === 0) return undefined;
    exponent += negativeExponent ? -e : e;
  }
  if (i !== end || !seen || digits >= MAX_EXACT_DIGITS || exponent > 22 || exponent < -22) {
    return parseDecimalSlowly(bytes, start, end);
  }
  const magnitude = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent]! : mantissa / POWERS_OF_TEN[-exponent]!;
  return negative ? -magnitude : magnitude;
}

/** The rare cases: more than 15 digits, huge exponents, nan and inf spellings. */
function parseDecimalSlowly(bytes: Uint8Array, start: number, end: number): number | undefined {
  if (end - start > MAX_TOKEN_LENGTH) return undefined;
  const text = String.fromCharCode(...bytes.subarray(start, end)).toLowerCase();
  const unsigned = text.replace(/^[+-]/, '');
  if (unsigned === 'nan') return NaN;
  if (unsigned === 'inf' || unsigned === 'infinity') return text.startsWith('-') ? -Infinity : Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}
