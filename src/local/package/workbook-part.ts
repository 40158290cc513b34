// The workbook part of an .xlsx: where it is, its sheets in tab order and their parts.
import { type Package, REL, type Relationship, relIs } from './opc';
import { attr, tags } from './xml';

export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The sheet's part (xl/worksheets/sheet1.xml); undefined when the relationship is missing. */
  part: string | undefined;
  /** worksheet, chartsheet, dialogsheet … (the relationship type's last word). */
  kind: string;
}

export interface WorkbookPart {
  path: string;
  xml: string;
  rels: Relationship[];
  sheets: SheetEntry[];
  date1904: boolean;
}

export function workbookPath(pkg: Package): string | undefined {
  const rel = pkg.rels('').find((r) => relIs(r, REL.officeDocument) && r.part);
  if (rel?.part && pkg.has(rel.part)) return rel.part;
  return pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
}

export function readWorkbookPart(pkg: Package, path: string): WorkbookPart {
  const xml = pkg.text(path) ?? '';
  const rels = pkg.rels(path);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  for (const { tag } of tags(xml, 'sheet')) {
    const rid = attr(tag, 'r:id') ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '';
    const rel = byId.get(rid);
    const state = attr(tag, 'state');
    sheets.push({
      name: attr(tag, 'name') ?? '',
      sheetId: Number(attr(tag, 'sheetId') ?? 0),
      rid,
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      part: rel?.part,
      kind: rel ? (rel.type.split('/').pop() ?? '') : '',
    });
  }
  const pr = [...tags(xml, 'workbookPr')][0]?.tag ?? '';
  const d = attr(pr, 'date1904');
  return { path, xml, rels, sheets, date1904: d === '1' || d === 'true' };
}
