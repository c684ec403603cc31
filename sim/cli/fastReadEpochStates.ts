// Fast path of `taosim epoch` input: reads `taosim.epoch/1` text straight into EpochInput typed arrays,
// without building a JSON tree (JSON.parse of 10 MB of `[uid, u16]` pairs costs ~1 s here).
// It accepts only the plain, valid common case and returns null on anything else (an error, an
// escape in a string, a number written as 1e3, a key before `n` that needs n, a duplicate key, …);
// the caller then runs the full reader, which accepts or reports exactly. So this module never
// decides what is valid: it must only agree with readEpochStates wherever it returns a result.

import {
  DEFAULT_EPOCH_HYPERPARAMETERS,
  type EpochHyperparameters,
  type EpochInput,
  type SparseU16,
} from "../../models/consensus/types.js";
import { I16_MAX, I16_MIN, U16_MAX, U32_MAX, U64_MAX, parseRaoDecimal } from "./epochFieldReader.js";
import { EPOCH_INPUT_FORMAT, HYPERPARAMETER_KINDS, type EpochStates } from "./readEpochStates.js";

const BAIL = new Error("not on the fast path");
const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
const REQUIRED_KEYS = [
  "format", "n", "block", "raoEmission", "ownerUid", "lastMechanismStepBlock",
  "alphaStake", "taoStake", "lastUpdate", "blockAtRegistration", "validatorPermit", "weights", "bonds",
];

/** The states in `text`, or null if the text is not plainly valid (then use readEpochStates). */
export function fastReadEpochStates(text: string): EpochStates | null {
  const c = new Cursor(text);
  try {
    let result: EpochStates;
    if (c.tryEat(0x5b /* [ */)) {
      const states: EpochInput[] = [];
      if (!c.tryEat(0x5d /* ] */)) {
        do states.push(readState(c));
        while (c.tryEat(0x2c /* , */));
        c.eat(0x5d);
      }
      result = { states, isArray: true };
    } else {
      result = { states: [readState(c)], isArray: false };
    }
    c.skipWhitespace();
    return c.pos === text.length ? result : null;
  } catch (err) {
    if (err === BAIL) return null;
    throw err;
  }
}

function readState(c: Cursor): EpochInput {
  const s: Partial<EpochInput> = {};
  const seen = new Set<string>();
  let n = -1;
  c.eat(0x7b /* { */);
  do {
    const key = c.string();
    if (seen.has(key)) throw BAIL;
    seen.add(key);
    c.eat(0x3a /* : */);
    if (key !== "format" && key !== "n" && key !== "block" && key !== "raoEmission" && n < 0) throw BAIL;
    switch (key) {
      case "format": if (c.string() !== EPOCH_INPUT_FORMAT) throw BAIL; break;
      case "n": n = s.n = c.integer(1, U16_MAX); break;
      case "block": s.block = c.integer(0, Number.MAX_SAFE_INTEGER); break;
      case "raoEmission": s.raoEmission = Number(c.rao(MAX_SAFE_BIG)); break;
      case "ownerUid": s.ownerUid = c.tryLiteral("null") ? null : c.integer(0, n - 1); break;
      case "lastMechanismStepBlock": s.lastMechanismStepBlock = c.integer(0, Number.MAX_SAFE_INTEGER); break;
      case "hyperparameters": s.hyperparameters = readHyperparameters(c); break;
      case "alphaStake": s.alphaStake = readRaoVector(c, n); break;
      case "taoStake": s.taoStake = readRaoVector(c, n); break;
      case "lastUpdate": s.lastUpdate = readBlockVector(c, n); break;
      case "blockAtRegistration": s.blockAtRegistration = readBlockVector(c, n); break;
      case "validatorPermit": s.validatorPermit = readBoolVector(c, n); break;
      case "weights": s.weights = readSparseRows(c, n); break;
      case "bonds": s.bonds = readSparseRows(c, n); break;
      default: throw BAIL;
    }
  } while (c.tryEat(0x2c));
  c.eat(0x7d /* } */);
  for (const key of REQUIRED_KEYS) if (!seen.has(key)) throw BAIL;
  s.hyperparameters ??= { ...DEFAULT_EPOCH_HYPERPARAMETERS };
  return {
    n: s.n!, block: s.block!, raoEmission: s.raoEmission!, ownerUid: s.ownerUid!,
    lastMechanismStepBlock: s.lastMechanismStepBlock!, hyperparameters: s.hyperparameters,
    alphaStake: s.alphaStake!, taoStake: s.taoStake!, lastUpdate: s.lastUpdate!,
    blockAtRegistration: s.blockAtRegistration!, validatorPermit: s.validatorPermit!,
    weights: s.weights!, bonds: s.bonds!,
  };
}

function readHyperparameters(c: Cursor): EpochHyperparameters {
  const hp: EpochHyperparameters = { ...DEFAULT_EPOCH_HYPERPARAMETERS };
  const out = hp as unknown as Record<string, number | boolean | bigint>;
  const seen = new Set<string>();
  c.eat(0x7b);
  if (c.tryEat(0x7d)) return hp;
  do {
    const name = c.string();
    if (seen.has(name) || !Object.hasOwn(HYPERPARAMETER_KINDS, name)) throw BAIL;
    seen.add(name);
    c.eat(0x3a);
    switch (HYPERPARAMETER_KINDS[name as keyof EpochHyperparameters]) {
      case "u16": out[name] = c.integer(0, U16_MAX); break;
      case "i16": out[name] = c.integer(I16_MIN, I16_MAX); break;
      case "u32": out[name] = c.integer(0, U32_MAX); break;
      case "u53": out[name] = c.integer(0, Number.MAX_SAFE_INTEGER); break;
      case "bool": out[name] = c.boolean(); break;
      case "raoU64": out[name] = c.rao(U64_MAX); break;
    }
  } while (c.tryEat(0x2c));
  c.eat(0x7d);
  return hp;
}

function readRaoVector(c: Cursor, n: number): BigUint64Array {
  const out = new BigUint64Array(n);
  c.eat(0x5b);
  for (let i = 0; i < n; i++) {
    if (i > 0) c.eat(0x2c);
    out[i] = c.rao(U64_MAX);
  }
  c.eat(0x5d);
  return out;
}

function readBlockVector(c: Cursor, n: number): Float64Array {
  const out = new Float64Array(n);
  c.eat(0x5b);
  for (let i = 0; i < n; i++) {
    if (i > 0) c.eat(0x2c);
    out[i] = c.integer(0, Number.MAX_SAFE_INTEGER);
  }
  c.eat(0x5d);
  return out;
}

function readBoolVector(c: Cursor, n: number): Uint8Array {
  const out = new Uint8Array(n);
  c.eat(0x5b);
  for (let i = 0; i < n; i++) {
    if (i > 0) c.eat(0x2c);
    out[i] = c.boolean() ? 1 : 0;
  }
  c.eat(0x5d);
  return out;
}

function readSparseRows(c: Cursor, n: number): SparseU16 {
  const rowPtr = new Int32Array(n + 1);
  let col = new Int32Array(Math.max(16, n * 4));
  let val = new Uint16Array(col.length);
  const seenInRow = new Int32Array(n);
  let k = 0;
  c.eat(0x5b);
  for (let i = 0; i < n; i++) {
    if (i > 0) c.eat(0x2c);
    c.eat(0x5b);
    if (!c.tryEat(0x5d)) {
      do {
        c.eat(0x5b);
        const uid = c.integer(0, n - 1);
        c.eat(0x2c);
        const v = c.integer(0, U16_MAX);
        c.eat(0x5d);
        if (seenInRow[uid] === i + 1) throw BAIL;
        seenInRow[uid] = i + 1;
        if (k === col.length) {
          const bigger = new Int32Array(k * 2);
          bigger.set(col);
          col = bigger;
          const biggerVal = new Uint16Array(k * 2);
          biggerVal.set(val);
          val = biggerVal;
        }
        col[k] = uid;
        val[k] = v;
        k++;
      } while (c.tryEat(0x2c));
      c.eat(0x5d);
    }
    rowPtr[i + 1] = k;
  }
  c.eat(0x5d);
  return { rowPtr, col: col.slice(0, k), val: val.slice(0, k) };
}

/** A position in the text with readers for plain JSON tokens; anything unusual throws BAIL. */
class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  skipWhitespace(): void {
    const t = this.text;
    let p = this.pos;
    for (let ch = t.charCodeAt(p); ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09; ch = t.charCodeAt(++p));
    this.pos = p;
  }

  tryEat(ch: number): boolean {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== ch) return false;
    this.pos++;
    return true;
  }

  eat(ch: number): void {
    if (!this.tryEat(ch)) throw BAIL;
  }

  tryLiteral(word: string): boolean {
    this.skipWhitespace();
    if (!this.text.startsWith(word, this.pos)) return false;
    this.pos += word.length;
    return true;
  }

  boolean(): boolean {
    if (this.tryLiteral("true")) return true;
    if (this.tryLiteral("false")) return false;
    throw BAIL;
  }

  /** A plain integer token (`-?(0|[1-9][0-9]*)`, not followed by a fraction or exponent) in [min, max]. */
  integer(min: number, max: number): number {
    this.skipWhitespace();
    const t = this.text;
    let p = this.pos;
    const negative = t.charCodeAt(p) === 0x2d;
    if (negative) p++;
    const start = p;
    let v = 0;
    for (let ch = t.charCodeAt(p); ch >= 0x30 && ch <= 0x39; ch = t.charCodeAt(++p)) v = v * 10 + (ch - 0x30);
    const digits = p - start;
    const next = t.charCodeAt(p);
    if (digits === 0 || digits > 16 || (digits > 1 && t.charCodeAt(start) === 0x30)) throw BAIL;
    if (next === 0x2e || next === 0x65 || next === 0x45) throw BAIL; // . e E
    if (negative) {
      if (v === 0) throw BAIL; // -0
      v = -v;
    }
    if (v < min || v > max) throw BAIL;
    this.pos = p;
    return v;
  }

  /** A string without escapes or control characters. */
  string(): string {
    this.skipWhitespace();
    const t = this.text;
    if (t.charCodeAt(this.pos) !== 0x22) throw BAIL;
    const start = this.pos + 1;
    let p = start;
    for (let ch = t.charCodeAt(p); ch !== 0x22; ch = t.charCodeAt(++p)) {
      if (ch === 0x5c || ch < 0x20 || Number.isNaN(ch)) throw BAIL;
    }
    this.pos = p + 1;
    return t.slice(start, p);
  }

  rao(max: bigint): bigint {
    const v = parseRaoDecimal(this.string(), max);
    if (v === undefined) throw BAIL;
    return v;
  }
}
