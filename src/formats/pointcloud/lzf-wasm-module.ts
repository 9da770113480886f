/**
 * The bytes of a small WebAssembly module that decodes an LZF stream (see `decompress-lzf.ts` for the format),
 * written out by hand, opcode by opcode, so that no compiler or build step stands between the listing below and
 * what runs. The listing is the module: each line is one instruction, named as in the WebAssembly text format.
 *
 * Exports:
 * - `memory`: the module's linear memory (1 page at first; the caller grows it). The caller lays the stream at
 *   address 0 and the output after it, and leaves `LZF_WASM_SLACK` spare bytes after each (see below).
 * - `decode(inEnd, outStart, outEnd) -> i32`: decodes [0, inEnd) into [outStart, outEnd). Returns the bytes
 *   written (≥ 0), or a negative `LzfWasmError` with the token's input offset in `errorAt`.
 * - `errorAt`: a mutable i32 global, the input offset that an error is reported at.
 *
 * Why it is faster than the JavaScript decoder: it owns the memory around both buffers, so every copy may write
 * past its token's end (the next token overwrites those bytes, and the caller copies out only the bytes
 * written) and read past the stream's end (into the spare bytes): a literal run is always two 16-byte moves,
 * a match one 16-byte move per 16 bytes, with no branch on the length. `memory.copy` for the literal runs
 * instead was measured at 1.4× the JavaScript decoder where the two moves give 2.4×: for a run of 1–32 bytes
 * its call costs more than the copy, and it has memmove's semantics, wrong for a match that overlaps itself.
 * So no token calls out of the loop but a run of one repeated byte (`memory.fill`).
 *
 * Needs 128-bit SIMD (every current browser and node ≥ 16); where it cannot compile, the caller falls back.
 */

/** Spare bytes the caller leaves after the stream and after the output: the widest over-read and over-write. */
export const LZF_WASM_SLACK = 64;

/** `decode`'s negative results: which check failed (the messages are `decompress-lzf.ts`'s). */
export const LzfWasmError = {
  LiteralOverrun: -1,
  LiteralCutShort: -2,
  EndsInsideMatch: -3,
  BeforeStart: -4,
  MatchOverrun: -5,
} as const;

// Opcodes (WebAssembly core spec, with bulk memory and 128-bit SIMD).
const BLOCK = 0x02;
const LOOP = 0x03;
const IF = 0x04;
const ELSE = 0x05;
const END = 0x0b;
const BR = 0x0c;
const BR_IF = 0x0d;
const RETURN = 0x0f;
const VOID = 0x40;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const LOCAL_TEE = 0x22;
const GLOBAL_SET = 0x24;
const I32_LOAD = 0x28;
const I64_LOAD = 0x29;
const I32_LOAD8_U = 0x2d;
const I32_STORE = 0x36;
const I64_STORE = 0x37;
const I32_STORE8 = 0x3a;
const I32_CONST = 0x41;
const I32_EQ = 0x46;
const I32_LT_U = 0x49;
const I32_GT_U = 0x4b;
const I32_GE_U = 0x4f;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_AND = 0x71;
const I32_SHL = 0x74;
const I32_SHR_U = 0x76;
const PREFIX_FC = 0xfc;
const MEMORY_FILL = 11;
const PREFIX_SIMD = 0xfd;
const V128_LOAD = 0x00;
const V128_STORE = 0x0b;
const I32 = 0x7f;

/** Unsigned LEB128, the encoding of every index, size and offset. */
function uleb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** Signed LEB128 (`i32.const`'s immediate). */
function sleb(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}

/** A vector: its length, then its items. */
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
/** A section: its id, byte size, then contents. */
const section = (id: number, contents: number[]): number[] => [id, ...uleb(contents.length), ...contents];
const name = (text: string): number[] => [...uleb(text.length), ...[...text].map((c) => c.charCodeAt(0))];

// Instructions, one helper each, so that the listing reads like the text format.
const get = (local: number) => [LOCAL_GET, ...uleb(local)];
const set = (local: number) => [LOCAL_SET, ...uleb(local)];
const tee = (local: number) => [LOCAL_TEE, ...uleb(local)];
const i32 = (value: number) => [I32_CONST, ...sleb(value)];
/** A load or store with its alignment hint (log2 bytes) and constant offset. */
const mem = (op: number, align: number, offset = 0) => [op, align, ...uleb(offset)];
const simd = (op: number, offset = 0) => [PREFIX_SIMD, ...uleb(op), 0, ...uleb(offset)];

// decode's parameters, then its locals.
const IN_END = 0;
const OUT_START = 1;
const OUT_END = 2;
const IP = 3;
const OP = 4;
const CTRL = 5;
const N = 6;
const DIST = 7;
const REF = 8;
const END_OP = 9;
const LOCAL_COUNT = 7; // IP … END_OP

/** `errorAt = ip - back; return code` */
const fail = (code: number, back: number) => [...get(IP), ...i32(back), I32_SUB, GLOBAL_SET, 0, ...i32(code), RETURN];

/**
 * One chunk loop of a match whose distance is at least `width` bytes: moves `width` bytes from `ref` to `op`
 * until `op` reaches the match's end. Each move reads only bytes that are already final (it ends at or before
 * the `op` it writes at), so it is right for overlapping matches too, where memmove would not be.
 */
// prettier-ignore
const chunkLoop = (load: number[], store: number[], width: number) => [
  LOOP, VOID,
  ...get(OP), ...get(REF), ...load, ...store,           //   store(op, load(ref))
  ...get(REF), ...i32(width), I32_ADD, ...set(REF),     //   ref += width
  ...get(OP), ...i32(width), I32_ADD, ...tee(OP),       //   op += width
  ...get(END_OP), I32_LT_U, BR_IF, 0,                   //   br_if (op < end) back to the loop
  END,
];

// prettier-ignore
const decodeBody: number[] = [
  ...get(OUT_START), ...set(OP),                              // op = outStart  (ip starts at 0)
  BLOCK, VOID,                                                // block $done
  LOOP, VOID,                                                 //  loop $token
  ...get(IP), ...get(IN_END), I32_GE_U, BR_IF, 1,             //   br_if $done (ip >= inEnd)
  ...get(IP), ...mem(I32_LOAD8_U, 0), ...set(CTRL),           //   ctrl = mem[ip]
  ...get(IP), ...i32(1), I32_ADD, ...set(IP),                 //   ip += 1
  ...get(CTRL), ...i32(32), I32_LT_U,                         //   if ctrl < 32: a literal run
  IF, VOID,
  ...get(CTRL), ...i32(1), I32_ADD, ...set(N),                //    n = ctrl + 1
  ...get(N), ...get(OUT_END), ...get(OP), I32_SUB, I32_GT_U,  //    if n > outEnd - op
  IF, VOID, ...fail(LzfWasmError.LiteralOverrun, 1), END,
  ...get(N), ...get(IN_END), ...get(IP), I32_SUB, I32_GT_U,   //    if n > inEnd - ip
  IF, VOID, ...fail(LzfWasmError.LiteralCutShort, 1), END,
  ...get(OP), ...get(IP), ...simd(V128_LOAD), ...simd(V128_STORE),          // 32 bytes, whatever n (≤ 32)
  ...get(OP), ...get(IP), ...simd(V128_LOAD, 16), ...simd(V128_STORE, 16),
  ...get(OP), ...get(N), I32_ADD, ...set(OP),                 //    op += n
  ...get(IP), ...get(N), I32_ADD, ...set(IP),                 //    ip += n
  BR, 1,                                                      //    next token
  END,
  ...get(CTRL), ...i32(5), I32_SHR_U, ...tee(N),              //   n = ctrl >> 5 (the length code)
  ...i32(7), I32_EQ,                                          //   if n == 7: one more length byte
  IF, VOID,
  ...get(IP), ...get(IN_END), I32_GE_U,
  IF, VOID, ...i32(LzfWasmError.EndsInsideMatch), RETURN, END,
  ...get(N), ...get(IP), ...mem(I32_LOAD8_U, 0), I32_ADD, ...set(N),  // n += mem[ip]
  ...get(IP), ...i32(1), I32_ADD, ...set(IP),                 //    ip += 1
  END,
  ...get(IP), ...get(IN_END), I32_GE_U,                       //   the distance byte must be there
  IF, VOID, ...i32(LzfWasmError.EndsInsideMatch), RETURN, END,
  ...get(CTRL), ...i32(0x1f), I32_AND, ...i32(8), I32_SHL,    //   dist = ((ctrl & 31) << 8) + mem[ip] + 1
  ...get(IP), ...mem(I32_LOAD8_U, 0), I32_ADD, ...i32(1), I32_ADD, ...set(DIST),
  ...get(IP), ...i32(1), I32_ADD, ...set(IP),                 //   ip += 1
  ...get(DIST), ...get(OP), ...get(OUT_START), I32_SUB, I32_GT_U,  // if dist > op - outStart
  IF, VOID, ...fail(LzfWasmError.BeforeStart, 2), END,
  ...get(N), ...i32(2), I32_ADD, ...tee(N),                   //   n += 2
  ...get(OUT_END), ...get(OP), I32_SUB, I32_GT_U,             //   if n > outEnd - op
  IF, VOID, ...fail(LzfWasmError.MatchOverrun, 2), END,
  ...get(OP), ...get(DIST), I32_SUB, ...set(REF),             //   ref = op - dist
  ...get(OP), ...get(N), I32_ADD, ...set(END_OP),             //   end = op + n
  ...get(DIST), ...i32(16), I32_GE_U,                         //   dist >= 16: 16-byte moves
  IF, VOID,
  ...chunkLoop(simd(V128_LOAD), simd(V128_STORE), 16),
  ELSE,
  ...get(DIST), ...i32(8), I32_GE_U,                          //   dist 8–15: 8-byte moves
  IF, VOID,
  ...chunkLoop(mem(I64_LOAD, 0), mem(I64_STORE, 0), 8),
  ELSE,
  ...get(DIST), ...i32(4), I32_GE_U,                          //   dist 4–7: 4-byte moves
  IF, VOID,
  ...chunkLoop(mem(I32_LOAD, 0), mem(I32_STORE, 0), 4),
  ELSE,
  ...get(DIST), ...i32(1), I32_EQ,                            //   dist 1: a run of one byte
  IF, VOID,
  ...get(OP), ...get(REF), ...mem(I32_LOAD8_U, 0), ...get(N), PREFIX_FC, ...uleb(MEMORY_FILL), 0,
  ELSE,                                                       //   dist 2–3: byte by byte
  ...chunkLoop(mem(I32_LOAD8_U, 0), mem(I32_STORE8, 0), 1),
  END, END, END, END,
  ...get(END_OP), ...set(OP),                                 //   op = end
  BR, 0,                                                      //   next token
  END,                                                        //  end loop
  END,                                                        // end block
  ...get(OP), ...get(OUT_START), I32_SUB,                     // return op - outStart
];

/** The module's bytes (about 530); built once by the caller. */
export function buildLzfWasmModule(): Uint8Array<ArrayBuffer> {
  const code = [...vec([[LOCAL_COUNT, I32]]), ...decodeBody, END];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32]]), ...vec([[I32]])]])), // type 0: (i32 i32 i32) -> i32
    ...section(3, vec([uleb(0)])), // function 0 has type 0
    ...section(5, vec([[0x00, ...uleb(1)]])), // memory 0: 1 page, no maximum
    ...section(6, vec([[I32, 0x01, ...i32(0), END]])), // global 0: mutable i32 = 0
    ...section(
      7,
      vec([
        [...name('memory'), 0x02, 0],
        [...name('decode'), 0x00, 0],
        [...name('errorAt'), 0x03, 0],
      ]),
    ),
    ...section(10, vec([[...uleb(code.length), ...code]])),
  ];
  return new Uint8Array(bytes);
}
