// The lossless writer: the output package is the input package with every part copied as stored
// (compressed bytes and all), plus ОКО's own sheet parts added or replaced, and the minimal edits they
// need in workbook.xml, its rels, [Content_Types].xml and styles.xml. A user's sheet is edited only to
// replace ОКО's at-risk highlight rule. For grids (.xls/.ods/.csv input) a new package is made first.
import type { Grid } from '../../core/grid';
import type { SheetHighlight } from '../../core/output/highlight';
import type { SheetSpec } from '../../core/output/spec';
import { basePackage } from './base';
import { editHighlights } from './highlights';
import { type Package, Package as Pkg, parseRels } from './opc';
import type { WritePlan, WriteReport } from './plan';
import { NS_R, sheetXml } from './sheet-xml';
import { StylesEditor } from './styles';
import { readWorkbookPart, type WorkbookPart, workbookPath } from './workbook-part';
import { escapeXml, relativeTarget, relsPathOf } from './xml';
import { type OutEntry, writeZip } from './zip';

const RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

export interface WriteOutput {
  bytes: Uint8Array;
  report: WriteReport;
}

const enc = new TextEncoder();
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The output package for an .xlsx input (lossless), or a new .xlsx for grids read from another format. */
export function writePackage(input: Package | { grids: readonly Grid[] }, plan: WritePlan): WriteOutput {
  const pkg = input instanceof Pkg ? input : new Pkg(basePackage(input.grids));
  return new PackageWriter(pkg).apply(plan);
}

class PackageWriter {
  /**
   * Output parts by lower-cased name, in input order (new parts appended); null for a deleted part, so a
   * part written again in the same run keeps its place and re-runs give the same bytes.
   */
  private readonly out = new Map<string, OutEntry | null>();
  private readonly wb: WorkbookPart;
  private wbXml: string;
  private wbRels: string;
  private types: string;
  private readonly styles: StylesEditor;
  private readonly stylesPath: string;
  private readonly deleted = new Set<string>();
  /** Parts written in this run (lower-cased). */
  private readonly written = new Set<string>();
  /** Parts that belonged to replaced or removed sheets: deleted unless something else still uses them. */
  private readonly orphans = new Set<string>();
  private readonly staleSheetIds = new Set<number>();
  private hasFormulas = false;

  constructor(private readonly pkg: Package) {
    for (const e of pkg.entries) this.out.set(e.name.toLowerCase(), { name: e.name, copy: e });
    const path = workbookPath(pkg) as string;
    this.wb = readWorkbookPart(pkg, path);
    this.wbXml = this.wb.xml;
    this.wbRels =
      pkg.text(relsPathOf(path)) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    this.types = pkg.text('[Content_Types].xml') ?? '';
    const stylesRel = this.wb.rels.find((r) => r.type.endsWith('/styles'));
    this.stylesPath = stylesRel?.part ?? `${dirOf(path)}styles.xml`;
    const stylesXml = stylesRel?.part ? pkg.text(stylesRel.part) : undefined;
    this.styles = new StylesEditor(stylesXml);
    if (!stylesRel) {
      this.addRel(`${RT}/styles`, relativeTarget(path, this.stylesPath));
      this.addOverride(this.stylesPath, CT.styles);
    }
  }

  apply(plan: WritePlan): WriteOutput {
    const report: WriteReport = { written: [], created: [], removed: [], highlights: { removed: 0, added: 0 } };
    // Sheets in tab order: kept ones with their <sheet> tag, new ones appended.
    const sheetTags = [...this.wbXml.matchAll(/<(?:[\w.-]+:)?sheet(?=[\s/>])[^>]*>/g)].map((m) => m[0]);
    type Slot = { name: string; tag: string; oldIndex: number | null; part?: string; ours: boolean };
    const slots: Slot[] = this.wb.sheets.map((s, i) => ({
      name: s.name,
      tag: sheetTags[i] ?? '',
      oldIndex: i,
      ...(s.part ? { part: s.part } : {}),
      ours: false,
    }));
    const find = (name: string) => slots.find((s) => sameName(s.name, name));

    for (const name of plan.remove) {
      const slot = find(name);
      if (!slot) continue;
      this.dropSheet(slot.oldIndex as number);
      slots.splice(slots.indexOf(slot), 1);
      report.removed.push(slot.name);
    }
    const put = (spec: SheetSpec) => {
      const slot = find(spec.name);
      if (slot && slot.oldIndex !== null && slot.part) {
        this.dropSheetParts(slot.oldIndex, false);
        this.writeSheet(slot.part, spec);
        slot.tag = withState(slot.tag, spec.hidden);
        slot.ours = true;
        return;
      }
      if (slot) {
        // Added earlier in this run (a duplicate name in the plan): the last one wins.
        this.writeSheet(slot.part as string, spec);
        slot.tag = withState(slot.tag, spec.hidden);
        return;
      }
      const part = this.freePart(`${dirOf(this.wb.path)}worksheets/sheet`, '.xml');
      this.writeSheet(part, spec);
      this.addOverride(part, CT.worksheet);
      const rid = this.addRel(`${RT}/worksheet`, relativeTarget(this.wb.path, part));
      const sheetId =
        Math.max(0, ...this.wb.sheets.map((s) => s.sheetId), ...slots.map((s) => Number(/sheetId="(\d+)"/.exec(s.tag)?.[1] ?? 0))) + 1;
      const tag = withState(`<sheet name="${escapeXml(spec.name)}" sheetId="${sheetId}" ${this.rAttr(rid)}/>`, spec.hidden);
      slots.push({ name: spec.name, tag: this.prefixed(tag), oldIndex: null, part, ours: true });
    };
    for (const spec of plan.replace) {
      put(spec);
      report.written.push(spec.name);
    }
    for (const spec of plan.ensure) {
      if (find(spec.name)) continue;
      put(spec);
      report.created.push(spec.name);
    }

    if (plan.highlights) {
      const bySheet = new Map<string, SheetHighlight[]>();
      for (const h of plan.highlights) bySheet.set(h.sheet, [...(bySheet.get(h.sheet) ?? []), h]);
      for (const slot of slots) {
        if (slot.ours || !slot.part || slot.oldIndex === null) continue;
        const kind = this.wb.sheets[slot.oldIndex]?.kind;
        if (kind !== 'worksheet') continue;
        const rules = (bySheet.get(slot.name) ?? []).flatMap((h) => h.rules);
        const xml = this.pkg.text(slot.part);
        if (xml === undefined) continue;
        const edited = editHighlights(xml, rules, this.styles);
        if (edited.xml !== xml) this.setText(slot.part, edited.xml);
        report.highlights.removed += edited.removed;
        report.highlights.added += edited.added;
      }
    }

    this.rewriteWorkbook(slots);
    this.collectOrphans();
    if (this.styles.modified) this.setText(this.stylesPath, this.styles.text);
    this.setText(relsPathOf(this.wb.path), this.wbRels, this.wbRels === (this.pkg.text(relsPathOf(this.wb.path)) ?? ''));
    this.setText('[Content_Types].xml', this.types, this.types === this.pkg.text('[Content_Types].xml'));
    return { bytes: writeZip([...this.out.values()].filter((e): e is OutEntry => e !== null)), report };
  }

  // ---- parts ------------------------------------------------------------------------------------

  private setText(name: string, text: string, unchanged = false): void {
    if (unchanged) return;
    const key = name.toLowerCase();
    const prev = this.out.get(key);
    this.out.set(key, { name: prev?.name ?? name, data: enc.encode(text) });
    this.deleted.delete(key);
    this.written.add(key);
  }

  private deletePart(name: string): void {
    const key = name.toLowerCase();
    this.out.set(key, null);
    this.deleted.add(key);
    this.types = this.types.replace(new RegExp(`<(?:[\\w.-]+:)?Override(?=\\s)[^>]*PartName="/${escapeRe(name)}"[^>]*/>`, 'i'), '');
  }

  /** A part name not in use; a part of a replaced sheet (comments1.xml) is reused, so re-runs keep the same names. */
  private freePart(prefix: string, ext: string): string {
    const orphans = new Set([...this.orphans].map((o) => o.toLowerCase()));
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${ext}`;
      const key = name.toLowerCase();
      if (this.written.has(key)) continue;
      if (orphans.has(key) || (!this.out.get(key) && !this.pkg.has(name))) return name;
    }
  }

  private addOverride(part: string, type: string): void {
    if (new RegExp(`PartName="/${escapeRe(part)}"`, 'i').test(this.types)) return;
    this.types = insertBefore(this.types, 'Types', `<Override PartName="/${part}" ContentType="${type}"/>`);
  }

  private addDefault(ext: string, type: string): void {
    if (new RegExp(`Extension="${ext}"`, 'i').test(this.types)) return;
    this.types = insertBefore(this.types, 'Types', `<Default Extension="${ext}" ContentType="${type}"/>`);
  }

  /** A new relationship in the workbook's rels; returns its id. */
  private addRel(type: string, target: string): string {
    const ids = new Set([...this.wbRels.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.wbRels = insertBefore(this.wbRels, 'Relationships', `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`);
    return id;
  }

  /** r:id="…" with the prefix workbook.xml binds to the relationships namespace (declared here if none). */
  private rAttr(rid: string): string {
    // Only a declaration on the root is in scope for a new <sheet> (openpyxl declares it on each <sheet>).
    const root = /<(?:[\w.-]+:)?workbook(?=[\s>])[^>]*>/.exec(this.wbXml)?.[0] ?? '';
    const m = new RegExp(`xmlns:([\\w.-]+)="${escapeRe(RT)}"`).exec(root);
    return m ? `${m[1]}:id="${rid}"` : `xmlns:r="${NS_R}" r:id="${rid}"`;
  }

  private prefixed(tag: string): string {
    const p = /<([\w.-]+:)?workbook[\s>]/.exec(this.wbXml)?.[1] ?? '';
    return p ? tag.replace(/^<sheet/, `<${p}sheet`) : tag;
  }

  private writeSheet(part: string, spec: SheetSpec): void {
    const relsPath = relsPathOf(part);
    const notes = (spec.notes ?? []).length > 0;
    const sx = sheetXml(spec, this.styles, notes ? 'rId2' : undefined);
    if (sx.hasFormulas) this.hasFormulas = true;
    this.setText(part, sx.xml);
    if (sx.comments) {
      const dir = dirOf(this.wb.path);
      const comments = this.freePart(`${dir}comments`, '.xml');
      this.setText(comments, sx.comments.xml);
      const vml = this.freePart(`${dir}drawings/vmlDrawing`, '.vml');
      this.setText(vml, sx.comments.vml);
      this.addOverride(comments, CT.comments);
      this.addDefault('vml', CT.vml);
      this.setText(
        relsPath,
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${RT}/comments" Target="${relativeTarget(part, comments)}"/>` +
          `<Relationship Id="rId2" Type="${RT}/vmlDrawing" Target="${relativeTarget(part, vml)}"/></Relationships>`,
      );
    } else if (this.out.get(relsPath.toLowerCase())) this.deletePart(relsPath);
  }

  /** A replaced or removed sheet: what its old version pointed at may go, and calcChain may be stale. */
  private dropSheetParts(index: number, removePart: boolean): void {
    const s = this.wb.sheets[index];
    if (!s?.part) return;
    this.staleSheetIds.add(s.sheetId);
    const seen = new Set<string>();
    const walk = (part: string) => {
      for (const r of this.pkg.rels(part)) {
        if (!r.part || seen.has(r.part.toLowerCase())) continue;
        seen.add(r.part.toLowerCase());
        this.orphans.add(r.part);
        walk(r.part);
      }
    };
    walk(s.part);
    const rels = relsPathOf(s.part);
    if (this.out.get(rels.toLowerCase())) this.deletePart(rels);
    if (removePart) this.deletePart(s.part);
  }

  private dropSheet(index: number): void {
    const s = this.wb.sheets[index];
    if (!s) return;
    this.dropSheetParts(index, true);
    this.wbRels = this.wbRels.replace(new RegExp(`<(?:[\\w.-]+:)?Relationship(?=\\s)[^>]*\\sId="${escapeRe(s.rid)}"[^>]*/>`), '');
  }

  /** Parts of replaced/removed sheets that no remaining relationship reaches are deleted. */
  private collectOrphans(): void {
    if (this.orphans.size === 0) return;
    const reach = new Set<string>();
    const texts = (name: string) => {
      const e = this.out.get(name.toLowerCase());
      if (!e) return undefined;
      return 'data' in e ? new TextDecoder().decode(e.data) : this.pkg.text(e.name);
    };
    const walk = (part: string) => {
      const relsXml = texts(part === '' ? '_rels/.rels' : relsPathOf(part));
      if (!relsXml) return;
      for (const r of parseRels(relsXml, part)) {
        if (!r.part || reach.has(r.part.toLowerCase())) continue;
        reach.add(r.part.toLowerCase());
        walk(r.part);
      }
    };
    walk('');
    for (const o of this.orphans) {
      if (reach.has(o.toLowerCase())) continue;
      this.deletePart(o);
      const rels = relsPathOf(o);
      if (this.out.get(rels.toLowerCase())) this.deletePart(rels);
    }
  }

  // ---- workbook.xml -----------------------------------------------------------------------------

  private rewriteWorkbook(slots: { tag: string; oldIndex: number | null }[]): void {
    let xml = this.wbXml;
    const kept = slots.map((s) => s.tag).join('');
    const original = this.wb.sheets.length;
    const structural = slots.length !== original || slots.some((s, i) => s.oldIndex !== i);
    const sheetsRe = /(<(?:[\w.-]+:)?sheets(?:\s[^>]*)?>)([\s\S]*?)(<\/(?:[\w.-]+:)?sheets>)/;
    const m = sheetsRe.exec(xml);
    const current = m ? [...(m[2] as string).matchAll(/<(?:[\w.-]+:)?sheet(?=[\s/>])[^>]*>/g)].map((x) => x[0]).join('') : '';
    if (m && (structural || current !== kept))
      xml = xml.replace(sheetsRe, (_a, open: string, _b, close: string) => `${open}${kept}${close}`);
    if (structural) {
      // Sheet-scoped names and the active tab refer to sheets by position.
      const newIndex = new Map<number, number>();
      slots.forEach((s, i) => {
        if (s.oldIndex !== null) newIndex.set(s.oldIndex, i);
      });
      xml = xml.replace(
        /<(?:[\w.-]+:)?definedName(?=\s)[^>]*\slocalSheetId="(\d+)"[^>]*>[\s\S]*?<\/(?:[\w.-]+:)?definedName>/g,
        (dn, id: string) => {
          const to = newIndex.get(Number(id));
          return to === undefined ? '' : dn.replace(/localSheetId="\d+"/, `localSheetId="${to}"`);
        },
      );
      xml = xml.replace(/<(?:[\w.-]+:)?definedNames(?:\s[^>]*)?>\s*<\/(?:[\w.-]+:)?definedNames>/, '');
      xml = xml.replace(/<(?:[\w.-]+:)?workbookView(?=[\s/>])[^>]*>/g, (tag) =>
        tag.replace(/(\s(?:activeTab|firstSheet)=")(\d+)"/g, (_a, pre: string, n: string) => `${pre}${newIndex.get(Number(n)) ?? 0}"`),
      );
    }
    if (this.hasFormulas) xml = withFullCalc(xml);
    if (this.staleSheetIds.size) this.dropStaleCalcChain();
    if (xml !== this.wbXml) this.setText(this.wb.path, xml);
  }

  /** calcChain lists formula cells by sheet; one that names a replaced or removed sheet is dropped (Excel rebuilds it). */
  private dropStaleCalcChain(): void {
    const rel = this.wb.rels.find((r) => r.type.endsWith('/calcChain'));
    if (!rel?.part) return;
    const xml = this.pkg.text(rel.part) ?? '';
    const ids = new Set([...xml.matchAll(/\si="(\d+)"/g)].map((x) => Number(x[1])));
    if (![...this.staleSheetIds].some((id) => ids.has(id))) return;
    this.deletePart(rel.part);
    this.wbRels = this.wbRels.replace(new RegExp(`<(?:[\\w.-]+:)?Relationship(?=\\s)[^>]*\\sId="${escapeRe(rel.id)}"[^>]*/>`), '');
  }
}

// ---- helpers ------------------------------------------------------------------------------------

const dirOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function insertBefore(xml: string, rootLocal: string, snippet: string): string {
  const m = new RegExp(`</([\\w.-]+:)?${rootLocal}>\\s*$`).exec(xml);
  if (!m) return xml;
  const p = m[1] ?? '';
  const s = p ? snippet.replace(/^<(\w)/, `<${p}$1`) : snippet;
  return xml.slice(0, m.index) + s + xml.slice(m.index);
}

function withState(tag: string, hidden: boolean | undefined): string {
  const noState = tag.replace(/\sstate="[^"]*"/, '');
  return hidden ? noState.replace(/\s*(\/?>)$/, ' state="hidden"$1') : noState;
}

// CT_Workbook: calcPr comes after these and before the rest.
const AFTER_CALC = [
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** Our formulas have no cached values: Excel and LibreOffice compute them when the file opens. */
function withFullCalc(xml: string): string {
  const calc = /<((?:[\w.-]+:)?)calcPr(?=[\s/>])[^>]*>/.exec(xml);
  if (calc) {
    if (/\sfullCalcOnLoad="(1|true)"/.test(calc[0])) return xml;
    const tag = calc[0].replace(/\sfullCalcOnLoad="[^"]*"/, '').replace(/\s*(\/?>)$/, ' fullCalcOnLoad="1"$1');
    return xml.slice(0, calc.index) + tag + xml.slice(calc.index + calc[0].length);
  }
  const p = /<([\w.-]+:)?workbook[\s>]/.exec(xml)?.[1] ?? '';
  let at = -1;
  for (const n of AFTER_CALC) {
    const f = new RegExp(`<${p}${n}(?=[\\s/>])`).exec(xml);
    if (f && (at < 0 || f.index < at)) at = f.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${p}workbook>`);
  return `${xml.slice(0, at)}<${p}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}
