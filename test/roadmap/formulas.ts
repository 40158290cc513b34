// A tiny evaluator for the spreadsheet formulas the roadmap and «Исполнение» tabs use (COUNTIF,
// SUMPRODUCT, IF, IFERROR, AND, ISNUMBER, INDEX, SMALL, SUM, ROW, TODAY; cell and range references,
// also to other sheets; comparison, arithmetic). Semantics follow Excel/Sheets where they matter here:
// text comparison is case-insensitive, an empty cell equals "" and counts as 0 in arithmetic, text is
// greater than any number, dates are serial numbers. Enough to check that the dashboard really counts.
import type { SpecCell } from '../../src/core/output/spec';

type Scalar = number | string | boolean | null;
type Value = Scalar | Scalar[];
class FormulaError extends Error {}

export interface Sheet {
  name: string;
  values: SpecCell[][];
}

const EPOCH = Date.UTC(1899, 11, 30);
export const serial = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y as number, (m as number) - 1, d as number) - EPOCH) / 86400000;
};

type Tok =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; sheet?: string; a: string; b?: string }
  | { t: 'fn'; v: string }
  | { t: 'op'; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const s = src.replace(/^=/, '');
  const cellRe = /^\$?([A-Z]+)\$?(\d+)?/;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === ' ') {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let v = '';
      while (j < s.length) {
        if (s[j] === '"' && s[j + 1] === '"') {
          v += '"';
          j += 2;
        } else if (s[j] === '"') break;
        else v += s[j++];
      }
      out.push({ t: 'str', v });
      i = j + 1;
      continue;
    }
    let sheet: string | undefined;
    if (c === "'") {
      let j = i + 1;
      let v = '';
      while (j < s.length) {
        if (s[j] === "'" && s[j + 1] === "'") {
          v += "'";
          j += 2;
        } else if (s[j] === "'") break;
        else v += s[j++];
      }
      sheet = v;
      i = j + 2; // past the quote and «!»
    }
    const rest = s.slice(i);
    const num = /^\d+(\.\d+)?/.exec(rest);
    if (!sheet && num && !/^\d+[A-Z]/.test(rest)) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const fn = /^([A-Z]+)\(/.exec(rest);
    if (!sheet && fn) {
      out.push({ t: 'fn', v: fn[1] as string });
      i += (fn[1] as string).length;
      continue;
    }
    const a = cellRe.exec(rest);
    if (a && a[0].length > 0) {
      i += a[0].length;
      let b: string | undefined;
      if (s[i] === ':') {
        const m = cellRe.exec(s.slice(i + 1)) as RegExpExecArray;
        b = m[0].replace(/\$/g, '');
        i += 1 + m[0].length;
      }
      out.push({ t: 'ref', ...(sheet ? { sheet } : {}), a: a[0].replace(/\$/g, ''), ...(b ? { b } : {}) });
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/&=<>(),])/.exec(rest);
    if (!op) throw new Error(`cannot read «${rest}» in ${src}`);
    out.push({ t: 'op', v: op[0] });
    i += op[0].length;
  }
  return out;
}

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; sheet?: string; a: string; b?: string }
  | { k: 'fn'; name: string; args: Node[] }
  | { k: 'bin'; op: string; l: Node; r: Node }
  | { k: 'neg'; e: Node };

function parse(toks: Tok[]): Node {
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => {
    const t = peek();
    return t?.t === 'op' && t.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new Error(`expected ${v}`);
    p++;
  };
  const levels = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];
  const bin = (lvl: number): Node => {
    if (lvl === levels.length) return unary();
    let l = bin(lvl + 1);
    for (;;) {
      const t = peek();
      if (t?.t === 'op' && levels[lvl]?.includes(t.v)) {
        p++;
        l = { k: 'bin', op: t.v, l, r: bin(lvl + 1) };
      } else return l;
    }
  };
  const unary = (): Node => {
    if (isOp('-')) {
      p++;
      return { k: 'neg', e: unary() };
    }
    return primary();
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new Error('unexpected end');
    if (t.t === 'num') return { k: 'lit', v: t.v };
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'ref') return { k: 'ref', ...(t.sheet ? { sheet: t.sheet } : {}), a: t.a, ...(t.b ? { b: t.b } : {}) };
    if (t.t === 'fn') {
      expect('(');
      const args: Node[] = [];
      if (!isOp(')')) {
        args.push(bin(0));
        while (isOp(',')) {
          p++;
          args.push(bin(0));
        }
      }
      expect(')');
      return { k: 'fn', name: t.v, args };
    }
    if (t.t === 'op' && t.v === '(') {
      const e = bin(0);
      expect(')');
      return e;
    }
    throw new Error(`unexpected ${JSON.stringify(t)}`);
  };
  const e = bin(0);
  if (p !== toks.length) throw new Error('trailing tokens');
  return e;
}

const colNum = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
function splitRef(a: string): { col: number; row: number | null } {
  const m = /^([A-Z]+)(\d+)?$/.exec(a) as RegExpExecArray;
  return { col: colNum(m[1] as string), row: m[2] ? Number(m[2]) : null };
}

export class Evaluator {
  private cache = new Map<string, Scalar>();
  constructor(
    private readonly sheets: Sheet[],
    private readonly today: string,
  ) {}

  /** Value of a 1-based cell. */
  cell(sheet: string, row: number, col: number): Scalar {
    const key = `${sheet}!${row}:${col}`;
    if (this.cache.has(key)) return this.cache.get(key) as Scalar;
    const sh = this.sheets.find((s) => s.name === sheet);
    if (!sh) throw new FormulaError(`#REF! ${sheet}`);
    const v = sh.values[row - 1]?.[col - 1];
    let out: Scalar;
    if (v === undefined || v === null || v === '') out = null;
    else if ((v as unknown) instanceof Date) out = serial((v as unknown as Date).toISOString().slice(0, 10));
    else if (typeof v === 'object' && 'formula' in v) out = this.formula(v.formula, sheet, row);
    else if (typeof v === 'object' && 'date' in v) out = serial(v.date);
    else out = v as Scalar;
    this.cache.set(key, out);
    return out;
  }

  formula(f: string, sheet: string, row = 0): Scalar {
    try {
      const v = this.ev(parse(tokenize(f)), sheet, row);
      return Array.isArray(v) ? (v[0] ?? null) : v;
    } catch (e) {
      if (e instanceof FormulaError) return '#ERROR';
      throw e;
    }
  }

  private range(n: Extract<Node, { k: 'ref' }>, sheet: string): Scalar[] {
    const sh = n.sheet ?? sheet;
    const a = splitRef(n.a);
    const b = splitRef(n.b ?? n.a);
    const rows = this.sheets.find((s) => s.name === sh)?.values.length ?? 0;
    const r1 = a.row ?? 1;
    const r2 = b.row ?? rows;
    const out: Scalar[] = [];
    for (let r = r1; r <= r2; r++) for (let c = a.col; c <= b.col; c++) out.push(this.cell(sh, r, c));
    return out;
  }

  private ev(n: Node, sheet: string, row: number): Value {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'ref':
        return n.b ? this.range(n, sheet) : this.cell(n.sheet ?? sheet, splitRef(n.a).row as number, splitRef(n.a).col);
      case 'neg':
        return map1(this.ev(n.e, sheet, row), (x) => -num(x));
      case 'bin': {
        const l = this.ev(n.l, sheet, row);
        const r = this.ev(n.r, sheet, row);
        return map2(l, r, (x, y) => binop(n.op, x, y));
      }
      case 'fn':
        return this.call(n.name, n.args, sheet, row);
    }
  }

  private call(name: string, args: Node[], sheet: string, row: number): Value {
    const ev = (i: number) => this.ev(args[i] as Node, sheet, row);
    const arr = (v: Value): Scalar[] => (Array.isArray(v) ? v : [v]);
    switch (name) {
      case 'TODAY':
        return serial(this.today);
      case 'ROW':
        return row;
      case 'IF':
        return truthy(ev(0)) ? ev(1) : args.length > 2 ? ev(2) : false;
      case 'IFERROR':
        try {
          const v = ev(0);
          if (v === '#DIV/0!' || v === '#ERROR' || (typeof v === 'number' && !Number.isFinite(v))) return ev(1);
          return v;
        } catch (e) {
          if (e instanceof FormulaError) return ev(1);
          throw e;
        }
      case 'AND':
        return args.every((_, i) => truthy(ev(i)));
      case 'ISNUMBER':
        return map1(ev(0), (x) => typeof x === 'number');
      case 'COUNTIF': {
        const crit = ev(1) as Scalar;
        return arr(ev(0)).filter((x) => countifMatch(x, crit)).length;
      }
      case 'SUMPRODUCT':
        return arr(ev(0)).reduce<number>((s, x) => s + num(x), 0);
      case 'SUM':
        return args.flatMap((_, i) => arr(ev(i))).reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0);
      case 'SMALL': {
        const k = num(ev(1) as Scalar);
        const nums = arr(ev(0))
          .filter((x): x is number => typeof x === 'number')
          .sort((a, b) => a - b);
        if (k < 1 || k > nums.length) throw new FormulaError('#NUM!');
        return nums[k - 1] as number;
      }
      case 'INDEX': {
        const list = arr(ev(0));
        const i = num(ev(1) as Scalar);
        return list[i - 1] ?? null;
      }
      default:
        throw new Error(`function ${name} not supported`);
    }
  }
}

function truthy(v: Value): boolean {
  const x = Array.isArray(v) ? v[0] : v;
  return x === true || (typeof x === 'number' && x !== 0);
}
function num(x: Scalar | undefined): number {
  if (x === null || x === undefined || x === '') return 0;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'number') return x;
  throw new FormulaError('#VALUE!');
}
function map1(v: Value, f: (x: Scalar) => Scalar): Value {
  return Array.isArray(v) ? v.map(f) : f(v);
}
function map2(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (Array.isArray(a) && Array.isArray(b)) return a.map((x, i) => f(x, b[i] ?? null));
  if (Array.isArray(a)) return a.map((x) => f(x, b as Scalar));
  if (Array.isArray(b)) return b.map((y) => f(a as Scalar, y));
  return f(a, b);
}
/** −1, 0, 1 with Excel's ordering: numbers < text < booleans; empty is "" against text and 0 against numbers. */
function compare(x: Scalar, y: Scalar): number {
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let a = x;
  let b = y;
  if (a === null) a = typeof b === 'number' ? 0 : typeof b === 'boolean' ? false : '';
  if (b === null) b = typeof a === 'number' ? 0 : typeof a === 'boolean' ? false : '';
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') return a.toLowerCase().localeCompare(String(b).toLowerCase());
  return Number(a) - Number(b);
}
function binop(op: string, x: Scalar, y: Scalar): Scalar {
  switch (op) {
    case '=':
      return compare(x, y) === 0;
    case '<>':
      return compare(x, y) !== 0;
    case '<':
      return compare(x, y) < 0;
    case '>':
      return compare(x, y) > 0;
    case '<=':
      return compare(x, y) <= 0;
    case '>=':
      return compare(x, y) >= 0;
    case '&':
      return `${x ?? ''}${y ?? ''}`;
    case '+':
      return num(x) + num(y);
    case '-':
      return num(x) - num(y);
    case '*':
      return num(x) * num(y);
    case '/':
      if (num(y) === 0) throw new FormulaError('#DIV/0!');
      return num(x) / num(y);
  }
  throw new Error(op);
}
function countifMatch(x: Scalar, crit: Scalar): boolean {
  if (typeof crit === 'string' && crit.startsWith('<>')) {
    const rest = crit.slice(2);
    if (rest === '') return x !== null && x !== '';
    return compare(x, rest) !== 0;
  }
  if (x === null) return crit === '';
  return compare(x, crit) === 0 && typeof x === typeof crit;
}
