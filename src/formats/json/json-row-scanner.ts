const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

// What a byte means to the scanner outside strings; most bytes (digits, letters, spaces) mean nothing.
const OTHER = 0;
const STRING = 1;
const OPEN = 2;
const CLOSE = 3;
const SEPARATOR = 4;
const BYTE_KIND = new Uint8Array(256);
BYTE_KIND[QUOTE] = STRING;
BYTE_KIND[OPEN_BRACE] = OPEN;
BYTE_KIND[OPEN_BRACKET] = OPEN;
BYTE_KIND[CLOSE_BRACE] = CLOSE;
BYTE_KIND[CLOSE_BRACKET] = CLOSE;
BYTE_KIND[COMMA] = SEPARATOR;

// Where the scan stands between rows of the top-level array.
/** Nothing read yet: only a byte-order mark, whitespace and `[`. */
const ARRAY_START = 0;
/** Just after `[`: a row or `]`. */
const ROW_OR_END = 1;
/** Just after a row: `,` or `]`. */
const COMMA_OR_END = 2;
/** Just after `,`: a row. */
const ROW = 3;
/** After the closing `]`: whitespace only. */
const DONE = 4;

/** A problem of the top-level structure at an absolute byte offset of the file; the caller names the file. */
export class RowScanFault extends Error {
  constructor(
    readonly place: string,
    message: string,
  ) {
    super(message);
  }
}

/** Called with each complete row: its bytes are `buffer[start, end)`, `index` its place in the array. */
export type RowSink = (buffer: Uint8Array, start: number, end: number, index: number) => void;

/**
 * The top-level string field a row is kept by, compared as bytes: values are hashed and compared as their UTF-8
 * bytes, so that a row that is not kept is never decoded. A key or value written with escapes (`\"`, `\u00e9`)
 * takes the slow path: decoded, then compared as a string.
 */
export class RowKeyFilter {
  readonly keyBytes: Uint8Array;
  readonly #key: string;
  readonly #values: ReadonlySet<string>;
  readonly #byHash = new Map<number, Uint8Array[]>();

  constructor(key: string, values: ReadonlySet<string>) {
    const encoder = new TextEncoder();
    this.#key = key;
    this.#values = values;
    this.keyBytes = encoder.encode(key);
    for (const value of values) {
      const bytes = encoder.encode(value);
      const hash = hashBytes(bytes, 0, bytes.length);
      const bucket = this.#byHash.get(hash);
      if (bucket) bucket.push(bytes);
      else this.#byHash.set(hash, [bytes]);
    }
  }

  /** Whether the key string `buffer[start, end)` (between its quotes) is the filter's key. */
  isKey(buffer: Uint8Array, start: number, end: number, escaped: boolean): boolean {
    if (escaped) return decodeJsonString(buffer, start, end) === this.#key;
    return sameBytes(this.keyBytes, buffer, start, end);
  }

  /** Whether the string value `buffer[start, end)` (between its quotes) is one of the filter's values. */
  hasValue(buffer: Uint8Array, start: number, end: number, escaped: boolean): boolean {
    if (escaped) {
      const value = decodeJsonString(buffer, start, end);
      return value !== undefined && this.#values.has(value);
    }
    const bucket = this.#byHash.get(hashBytes(buffer, start, end));
    if (bucket === undefined) return false;
    for (const bytes of bucket) if (sameBytes(bytes, buffer, start, end)) return true;
    return false;
  }
}

/**
 * Finds the rows (objects) of a top-level JSON array in bytes that arrive in pieces, without decoding them: it
 * tracks strings (with their escapes) and bracket depth only, and with a filter notes each row's top-level
 * `"<key>"` string value on the way. Values inside rows are not checked here: a kept row is checked by
 * `JSON.parse` when decoded; a row left out is never looked at beyond its brackets.
 */
export class JsonRowScanner {
  #expect: number = ARRAY_START;
  #rows = 0;
  // The filter key's value in the row last scanned: its bytes between the quotes, -1 when it had none.
  #valueStart = -1;
  #valueEnd = -1;
  #valueEscaped = false;

  constructor(readonly filter: RowKeyFilter | undefined) {}

  /** Rows seen so far (kept or not). */
  get rows(): number {
    return this.#rows;
  }

  /** Whether the closing `]` was read. */
  get done(): boolean {
    return this.#expect === DONE;
  }

  /**
   * Scans `buffer` from `from` (its first byte is at `offset` of the file) and calls `sink` for each complete
   * row that passes the filter. Returns where the first incomplete row starts (buffer.length when none is open):
   * the caller keeps those bytes and hands them back, followed by the next piece. Throws a `RowScanFault` on
   * anything but whitespace, commas and objects in the array.
   */
  scan(buffer: Uint8Array, from: number, offset: number, sink: RowSink): number {
    const length = buffer.length;
    let i = from;
    while (i < length) {
      const c = buffer[i]!;
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        i++;
        continue;
      }
      switch (this.#expect) {
        case ARRAY_START:
          if (c === OPEN_BRACKET) this.#expect = ROW_OR_END;
          // A UTF-8 byte-order mark, which some editors write, starts the file.
          else if (!(offset + i < 3 && c === [0xef, 0xbb, 0xbf][offset + i])) throw this.#fault(offset + i, 'an array');
          break;
        case ROW_OR_END:
        case ROW: {
          if (c === CLOSE_BRACKET && this.#expect === ROW_OR_END) {
            this.#expect = DONE;
            break;
          }
          if (c !== OPEN_BRACE) throw this.#fault(offset + i, `row ${this.#rows} to be an object`);
          const end = this.#rowEnd(buffer, i, offset);
          if (end < 0) return i;
          if (this.#keeps(buffer)) sink(buffer, i, end, this.#rows);
          this.#rows++;
          this.#expect = COMMA_OR_END;
          i = end;
          continue;
        }
        case COMMA_OR_END:
          if (c === COMMA) this.#expect = ROW;
          else if (c === CLOSE_BRACKET) this.#expect = DONE;
          else throw this.#fault(offset + i, `"," or "]" after row ${this.#rows - 1}`);
          break;
        case DONE:
          throw this.#fault(offset + i, 'nothing after the closing "]"');
      }
      i++;
    }
    return length;
  }

  /** The fault for what the scanner read at `at` when it expected `expected`. */
  #fault(at: number, expected: string): RowScanFault {
    return new RowScanFault(`/${this.#expect === ARRAY_START ? '' : this.#rows}`, `expected ${expected} at byte ${at}`); // prettier-ignore
  }

  #keeps(buffer: Uint8Array): boolean {
    const filter = this.filter;
    if (!filter) return true;
    return this.#valueStart >= 0 && filter.hasValue(buffer, this.#valueStart, this.#valueEnd, this.#valueEscaped);
  }

  /**
   * The index just past the `}` closing the object that opens at `start`, or -1 when the buffer ends first.
   * With a filter, notes the value of the row's top-level key (the last one, as JSON.parse keeps the last of
   * repeated keys): a string right after `"<key>"` and `:` at depth 1, where a key is the first string after
   * `{` or `,`. One tight loop over the bytes, no allocation: this is where a large table's time goes.
   */
  #rowEnd(buffer: Uint8Array, start: number, offset: number): number {
    const length = buffer.length;
    const filter = this.filter;
    const keyLength = filter ? filter.keyBytes.length : -1;
    let depth = 1;
    let expectKey = true;
    let keyMatched = false;
    let valueStart = -1;
    let valueEnd = -1;
    let valueEscaped = false;
    let i = start + 1;
    while (i < length) {
      const kind = BYTE_KIND[buffer[i]!]!;
      if (kind === OTHER) {
        // Outside strings: a digit, a letter of true/false/null, whitespace, ':'; a key's value when it is not a string.
        if (keyMatched && buffer[i]! > 0x20 && buffer[i] !== COLON) keyMatched = false;
        i++;
        continue;
      }
      if (kind === STRING) {
        const from = i + 1;
        let escaped = false;
        i = from;
        for (;;) {
          if (i >= length) return -1;
          const d = buffer[i]!;
          if (d === QUOTE) break;
          if (d === BACKSLASH) {
            escaped = true;
            i += 2;
          } else i++;
        }
        if (depth === 1 && filter) {
          if (expectKey) {
            keyMatched = (escaped || i - from === keyLength) && filter.isKey(buffer, from, i, escaped);
            // A repeated key replaces the value seen before, whatever the new value is.
            if (keyMatched) valueStart = -1;
            expectKey = false;
          } else if (keyMatched) {
            valueStart = from;
            valueEnd = i;
            valueEscaped = escaped;
            keyMatched = false;
          }
        }
      } else if (kind === OPEN) {
        depth++;
        keyMatched = false;
      } else if (kind === CLOSE) {
        depth--;
        if (depth === 0) {
          if (buffer[i] !== CLOSE_BRACE) throw new RowScanFault(`/${this.#rows}`, `"]" closes the object opened at byte ${offset + start}`); // prettier-ignore
          this.#valueStart = valueStart;
          this.#valueEnd = valueEnd;
          this.#valueEscaped = valueEscaped;
          return i + 1;
        }
      } else if (depth === 1) {
        // A comma between the row's fields: a key comes next.
        expectKey = true;
        keyMatched = false;
      }
      i++;
    }
    return -1;
  }
}

/** FNV-1a over `bytes[start, end)`. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

function sameBytes(expected: Uint8Array, buffer: Uint8Array, start: number, end: number): boolean {
  if (end - start !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (buffer[start + i] !== expected[i]) return false;
  return true;
}

/** A JSON string's text from its bytes between the quotes, escapes resolved; undefined when it is not valid. */
function decodeJsonString(buffer: Uint8Array, start: number, end: number): string | undefined {
  try {
    return JSON.parse(`"${new TextDecoder().decode(buffer.subarray(start, end))}"`) as string;
  } catch {
    return undefined;
  }
}
