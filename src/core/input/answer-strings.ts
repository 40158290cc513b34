// ГИА protocols of the regional centres (РЦОИ) carry the scores of a participant in two strings:
//   «Задания с кратким ответом»     one character per task: «+» 1 point, «-» 0, a digit — the points
//                                   of a task worth more than 1 («+-2+--1…»);
//   «Задания с развёрнутым ответом» «score(max)» per task: «0(2)1(2)2(3)».
// Layouts seen in public parsers of these exports: «Код МСУ | Код ОО | Класс | Код ППЭ | Аудитория |
// Фамилия | Имя | Отчество | Серия | Номер | Задания с кратким ответом | Задания с развёрнутым ответом |
// Первичный балл | Оценка» (ОГЭ) or «… | Первичный балл | Балл» (ЕГЭ, «Балл» is the test score).
// Tasks are numbered on: short-answer tasks 1…S, then long-answer tasks S+1…S+L.
import { type CellValue, cellText, type Grid, isEmpty } from '../grid';
import type { Task } from '../model';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import { isAbsentMarker } from './cells';
import { type Read, read } from './read';

export interface AnswerColumns {
  /** 0-based columns of the two strings, when the protocol has them. */
  shortCol?: number;
  longCol?: number;
  /** How many tasks each string holds. */
  shortCount: number;
  longCount: number;
}

export type ShortParse = { ok: true; scores: number[] } | { ok: false; position: number; symbol: string };

/** «+-2+» → [1, 0, 2, 1]; the first character that is none of «+», «-», a digit is an error. */
export function parseShortAnswers(text: string): ShortParse {
  const scores: number[] = [];
  const chars = [...text.replace(/\s+/g, '')];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '+') scores.push(1);
    else if (ch === '-' || ch === '−' || ch === '–') scores.push(0);
    else if (/^\d$/.test(ch)) scores.push(Number(ch));
    else return { ok: false, position: i + 1, symbol: ch };
  }
  return { ok: true, scores };
}

export type LongParse = { ok: true; pairs: [number, number][] } | { ok: false; at: string };

/** «0(2)1(2)2(3)» → [[0,2],[1,2],[2,3]]; anything else between the pairs is an error. */
export function parseLongAnswers(text: string): LongParse {
  const t = text.replace(/\s+/g, '');
  const pairs: [number, number][] = [];
  const re = /(\d{1,2})\((\d{1,2})\)/y;
  let at = 0;
  while (at < t.length) {
    re.lastIndex = at;
    const m = re.exec(t);
    if (!m) return { ok: false, at: t.slice(at, at + 6) };
    pairs.push([Number(m[1]), Number(m[2])]);
    at = re.lastIndex;
  }
  return { ok: true, pairs };
}

function mostCommon(xs: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best = 0;
  let bestN = -1;
  for (const [x, n] of counts) if (n > bestN || (n === bestN && x > best)) [best, bestN] = [x, n];
  return best;
}

/**
 * Stage 1 of a protocol: the tasks the strings hold. The number of short tasks is the usual length of
 * the short string; a task's max is 1 unless a digit above 1 appears in its place (then the highest
 * digit, marked as inferred: a plan may raise it). Long tasks take their maxima from the pairs.
 */
export function readAnswerColumns(
  values: Grid['values'],
  dataStart: number,
  cols: { shortCol?: number; longCol?: number },
  sheet: string,
  headerRow: number,
): Read<{ tasks: Task[]; answers: AnswerColumns }> {
  const problems: Problem[] = [];
  const shortLens: number[] = [];
  const longLens: number[] = [];
  const digitMax: number[] = [];
  const longMaxes: number[][] = [];
  for (let r = dataStart; r < values.length; r++) {
    const row = values[r] ?? [];
    if (cols.shortCol !== undefined && !isEmpty(row[cols.shortCol])) {
      const p = parseShortAnswers(cellText(row[cols.shortCol]));
      if (p.ok) {
        shortLens.push(p.scores.length);
        p.scores.forEach((v, i) => {
          digitMax[i] = Math.max(digitMax[i] ?? 1, v);
        });
      }
    }
    if (cols.longCol !== undefined && !isEmpty(row[cols.longCol])) {
      const p = parseLongAnswers(cellText(row[cols.longCol]));
      if (p.ok) {
        longLens.push(p.pairs.length);
        p.pairs.forEach(([, max], i) => {
          (longMaxes[i] ??= []).push(max);
        });
      }
    }
  }
  const shortCount = shortLens.length ? mostCommon(shortLens) : 0;
  const longCount = longLens.length ? mostCommon(longLens) : 0;
  const tasks: Task[] = [];
  for (let i = 0; i < shortCount; i++) {
    const max = digitMax[i] ?? 1;
    tasks.push({ id: String(i + 1), max, level: null, maxInferred: true });
  }
  for (let i = 0; i < longCount; i++) {
    tasks.push({ id: String(shortCount + i + 1), max: mostCommon(longMaxes[i] ?? [1]), level: null });
  }
  if (tasks.length === 0) problems.push(problem('error', 'no-tasks', sheet, S.gia.noAnswerStrings, headerRow + 1));
  const answers: AnswerColumns = { shortCount, longCount };
  if (cols.shortCol !== undefined) answers.shortCol = cols.shortCol;
  if (cols.longCol !== undefined) answers.longCol = cols.longCol;
  return read({ tasks, answers }, problems);
}

/** One participant's scores from the two strings; errors name the cell. Null scores when a string is broken. */
export function scoresFromStrings(
  row: readonly CellValue[],
  tasks: readonly Task[],
  a: AnswerColumns,
  sheet: string,
  rowNo: number,
): { scores: number[] | null; empty: boolean; problems: Problem[] } {
  const problems: Problem[] = [];
  const err = (code: string, msg: string, col: number) => problems.push(problem('error', code, sheet, msg, rowNo, col + 1));
  // «не явился» in place of the answers: absent, like an empty row.
  const text = (col: number | undefined) => (col === undefined || isAbsentMarker(row[col]) ? '' : cellText(row[col]));
  const shortText = text(a.shortCol);
  const longText = text(a.longCol);
  if (shortText === '' && longText === '') return { scores: null, empty: true, problems };
  const scores: number[] = [];
  let ok = true;
  if (a.shortCount > 0 && a.shortCol !== undefined) {
    const p = parseShortAnswers(shortText);
    if (!p.ok) {
      err('answers-symbol', S.gia.shortSymbol(p.symbol, p.position), a.shortCol);
      ok = false;
    } else if (p.scores.length !== a.shortCount) {
      err('answers-length', S.gia.shortLength(p.scores.length, a.shortCount), a.shortCol);
      ok = false;
    } else {
      p.scores.forEach((v, i) => {
        const t = tasks[i] as Task;
        if (v > t.max) {
          err('score-above-max', S.gia.aboveMax(t.id, v, t.max), a.shortCol as number);
          ok = false;
        }
        scores.push(v);
      });
    }
  }
  if (a.longCount > 0 && a.longCol !== undefined) {
    const p = parseLongAnswers(longText);
    if (!p.ok) {
      err('answers-pairs', S.gia.longBad(p.at), a.longCol);
      ok = false;
    } else if (p.pairs.length !== a.longCount) {
      err('answers-length', S.gia.longLength(p.pairs.length, a.longCount), a.longCol);
      ok = false;
    } else {
      p.pairs.forEach(([v, max], i) => {
        const t = tasks[a.shortCount + i] as Task;
        if (max !== t.max) {
          err('answers-max', S.gia.longMax(t.id, max, t.max), a.longCol as number);
          ok = false;
        } else if (v > max) {
          err('score-above-max', S.gia.aboveMax(t.id, v, max), a.longCol as number);
          ok = false;
        }
        scores.push(v);
      });
    }
  }
  return { scores: ok ? scores : null, empty: false, problems };
}
