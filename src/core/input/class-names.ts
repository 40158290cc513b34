// One class, many spellings: «7А», «7A» (Latin A), «7 а», «7-А», «7 "А"», «7а класс» are one class,
// shown as «7А». Only names shaped «number + letter(s)» are rewritten; «10-1» or «5 (углубл.)» keep
// their own spelling (whitespace collapsed).
import { cellText, norm } from '../grid';

/** Latin capitals that look like Cyrillic ones, as typed on the wrong keyboard layout. */
const LOOKALIKE: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

const SHAPED = /^(\d{1,2})\s*[-–—.]?\s*["'«»“”„]*\s*([A-Za-zА-Яа-яЁё]{1,2})\s*["'«»“”„]*\s*(?:класс|кл\.?)?$/i;

/** The canonical spelling of a class name. */
export function canonicalClassName(raw: unknown): string {
  const text = cellText(raw);
  const m = SHAPED.exec(text);
  if (!m) return text;
  const letters = [...(m[2] as string).toUpperCase()].map((ch) => LOOKALIKE[ch] ?? ch).join('');
  // Only Cyrillic letters make a class letter: «5AB» in Latin that maps fully is fine, anything else stays.
  if (!/^[А-ЯЁ]+$/.test(letters)) return text;
  return `${m[1]}${letters}`;
}

/** Comparison key: the canonical name, lower case, without spaces and dashes. */
export function classKey(name: string): string {
  // A bare class number («3» on «Классы и учителя») is the class shown as «класс 3».
  const shown = /^\d{1,2}$/.test(name.trim()) ? numberedClassName(Number(name.trim())) : canonicalClassName(name);
  return norm(shown).replace(/[\s\-–"«»]/g, '');
}

/** The grade in a class name («7А» → 7); null for names without one («класс 3», «Группа 1»). */
export function gradeOfClassName(name: string): number | null {
  const m = /^(\d{1,2})\s*[-–]?\s*[А-ЯЁA-Zа-яёa-z]/.exec(name);
  return m ? Number(m[1]) : null;
}

/** Shown for a class number when the workbook has no «Классы» sheet: never a bare «4» that reads like a grade. */
export function numberedClassName(n: number): string {
  return `класс ${n}`;
}

/** Records how each canonical class was written, to tell the user what was merged. */
export class ClassSpellings {
  private readonly seen = new Map<string, Set<string>>();
  private readonly known = new Map<unknown, string>();

  /** Canonicalises and remembers the spelling. */
  add(raw: unknown): string {
    const hit = this.known.get(raw);
    if (hit !== undefined) return hit;
    const text = cellText(raw);
    const name = canonicalClassName(text);
    this.known.set(raw, name);
    let set = this.seen.get(name);
    if (!set) {
      set = new Set();
      this.seen.set(name, set);
    }
    set.add(text);
    return name;
  }

  /** Classes written differently from their canonical name: [canonical, spellings]. */
  merged(): [string, string[]][] {
    const out: [string, string[]][] = [];
    for (const [name, set] of this.seen) {
      const other = [...set].filter((s) => s !== name);
      if (other.length > 0) out.push([name, other]);
    }
    return out;
  }
}
