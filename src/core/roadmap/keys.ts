// Stable row keys of a roadmap tab. Regeneration matches the rows of the old tab to the new ones by
// these keys only, so they must not depend on row order, numbering, dates or the wording of numbers
// that change with each analysis.
//
//   sec:<h>            a section (stage) row, h = hash of the section title
//   tsk:<h> ind:<h>:<h2>  the section's tasks row and each indicator row
//   act:<h>[@n]        a template activity, h = hash of its title; @2, @3… for its 2nd, 3rd… dated
//                      occurrence («Ноябрь, май» gives two rows); a repeated title gets #2, #3…
//   wp:<subject>|<class>[|<school>]   work-programme changes for a class × subject (from the analysis)
//   iom:<code>         an individual route (ИОМ) for an at-risk student
//   obj:<group>|<kind> a check of an objectivity sign
//   blk:manual blk:archive   the titles of the «Добавлено вручную» and «Архив» blocks
import { norm } from '../grid';

export const KEY_KINDS = ['sec', 'tsk', 'ind', 'act', 'wp', 'iom', 'obj', 'blk'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

export const KEY_PATTERN = /^(sec|tsk|ind|act|wp|iom|obj|blk):\S+$/;

export const BLOCK_MANUAL = 'blk:manual';
export const BLOCK_ARCHIVE = 'blk:archive';

export function isValidKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function keyKind(key: string): KeyKind | null {
  const m = KEY_PATTERN.exec(key);
  return m ? (m[1] as KeyKind) : null;
}

/** Text as compared for keys: case, ё, punctuation and spacing do not matter. */
export function keyText(s: string): string {
  return norm(s)
    .replace(/[^0-9a-zа-я]+/g, ' ')
    .trim();
}

/** FNV-1a (32 bit) of the key text, base 36, 7 characters. */
export function textHash(s: string): string {
  const t = keyText(s);
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) {
    h ^= t.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}

/** A readable key part: «5А» → «5а», «Русский язык» → «русский-язык». */
export function slug(s: string): string {
  return keyText(s).replace(/ /g, '-') || '-';
}
