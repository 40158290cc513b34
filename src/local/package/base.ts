// A minimal new .xlsx holding grids' values (input read from .xls, .ods, .csv): the base package the write
// plan is then applied to, exactly as to a user's own .xlsx.
import type { CellValue, Grid } from '../../core/grid';
import type { SheetSpec, SpecCell } from '../../core/output/spec';
import { NS_MAIN, NS_R, sheetXml } from './sheet-xml';
import { MINIMAL_STYLES, StylesEditor } from './styles';
import { escapeXml } from './xml';
import { type OutEntry, writeZip } from './zip';

const RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const enc = new TextEncoder();

const cellOf = (v: CellValue): SpecCell => {
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? { date: iso.slice(0, 10) } : iso.replace('T', ' ').slice(0, 19);
  }
  return v;
};

/** A minimal .xlsx holding the grids' values: the base the plan is then applied to. */
export function basePackage(grids: readonly Grid[]): Uint8Array {
  const styles = new StylesEditor(MINIMAL_STYLES);
  const entries: OutEntry[] = [];
  const sheets: string[] = [];
  const rels: string[] = [];
  const overrides: string[] = [];
  grids.forEach((g, i) => {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    const spec: SheetSpec = { name: g.name, values: g.values.map((r) => r.map(cellOf)) };
    entries.push({ name: part, data: enc.encode(sheetXml(spec, styles).xml) });
    sheets.push(`<sheet name="${escapeXml(g.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${RT}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    overrides.push(`<Override PartName="/${part}" ContentType="${WORKSHEET}"/>`);
  });
  const n = grids.length;
  rels.push(`<Relationship Id="rId${n + 1}" Type="${RT}/styles" Target="styles.xml"/>`);
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const types =
    `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    `<Override PartName="/xl/styles.xml" ContentType="${STYLES}"/>${overrides.join('')}</Types>`;
  return writeZip([
    { name: '[Content_Types].xml', data: enc.encode(types) },
    {
      name: '_rels/.rels',
      data: enc.encode(
        `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RT}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: enc.encode(
        `${head}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets>${sheets.join('')}</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: enc.encode(
        `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
      ),
    },
    { name: 'xl/styles.xml', data: enc.encode(styles.text) },
    ...entries,
  ]);
}
