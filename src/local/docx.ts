// DocSpec → .docx with the `docx` library (npm, pinned): A4 portrait, Times New Roman, tables with fixed
// column widths that add up to the page's content width, header rows repeated on every page, status
// colours as cell shading, page numbers in the footer. The core decided everything else.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { cleanText, formatValue } from '../core/docs/format';
import { type Block, cellOf, type DocSpec, MARGINS_MM, PAGE, type Run, type TableBlock, TONE_SHADE, TONE_TEXT } from '../core/docs/spec';
import { DS } from '../core/strings';
import { writeFileAtomic } from './output';

const FONT = 'Times New Roman';
const BODY_PT = 12;
/** Twentieths of a point per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
const halfPt = (pt: number) => Math.round(pt * 2);

const NUMBERED = 'oko-numbered';

function runs(rs: readonly Run[], size?: number): TextRun[] {
  const out: TextRun[] = [];
  for (const r of rs) {
    const lines = cleanText(r.text).split('\n');
    lines.forEach((line, i) => {
      out.push(
        new TextRun({
          text: line,
          // Unset, not false: a heading's style makes its text bold.
          ...(r.bold ? { bold: true } : {}),
          ...(r.italic ? { italics: true } : {}),
          ...(i > 0 ? { break: 1 } : {}),
          ...(r.tone && TONE_TEXT[r.tone] ? { color: TONE_TEXT[r.tone] as string } : {}),
          ...(size ? { size } : {}),
        }),
      );
    });
  }
  return out;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** Paragraph style of table cells at a font size: one style reference per cell instead of run sizes. */
const cellStyle = (pt: number) => `OkoCell${pt}`;
const CELL_SIZES = [8, 9, 10, 11, 12];

// Borders and cell margins are set once per table, not per cell: a large table (a students list of
// hundreds of rows) is then a third of the XML, and the docx library builds it in a fraction of the time.
function tableOf(t: TableBlock): Table {
  const pt = Math.min(12, Math.max(8, Math.round(t.fontPt ?? 10)));
  const body = cellStyle(pt);
  // Headers one point smaller: long words («Успеваемость») fit narrow numeric columns.
  const head = cellStyle(Math.max(8, pt - 1));
  const widths = t.columns.map((c) => twips(c.widthMm));
  const line = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map(
      (c) =>
        new TableCell({
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' },
          children: [new Paragraph({ style: head, alignment: AlignmentType.CENTER, children: runs([{ text: c.header, bold: true }]) })],
        }),
    ),
  });
  const rows = t.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: t.columns.map((col, i) => {
          const cell = cellOf(row[i] ?? null);
          const text = formatValue(cell.value, cell.format ?? col.format);
          const align = col.align ?? (typeof cell.value === 'number' ? 'right' : 'left');
          return new TableCell({
            ...(cell.tone ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: TONE_SHADE[cell.tone] } } : {}),
            children: [
              new Paragraph({
                style: body,
                alignment: ALIGN[align],
                children: runs([{ text, ...(cell.bold ? { bold: true } : {}), ...(cell.italic ? { italic: true } : {}) }]),
              }),
            ],
          });
        }),
      }),
  );
  return new Table({
    width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    margins: { top: 20, bottom: 20, left: 60, right: 60 },
    rows: [header, ...rows],
  });
}

function blockOf(block: Block, lists: { n: number }): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          ...(block.level === 1 ? { alignment: AlignmentType.CENTER } : {}),
          keepNext: true,
          children: runs([{ text: block.text }]),
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[block.align ?? 'justify'],
          spacing: { after: 80 },
          children: runs(block.runs, block.small ? halfPt(10) : undefined),
        }),
      ];
    case 'list': {
      const instance = lists.n++;
      return block.items.map(
        (item) =>
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            spacing: { after: 40 },
            ...(block.ordered ? { numbering: { reference: NUMBERED, level: 0, instance } } : { bullet: { level: 0 } }),
            children: runs(item),
          }),
      );
    }
    case 'table':
      // An empty paragraph after a table keeps two tables from merging and gives air before the text.
      return [tableOf(block), new Paragraph({ spacing: { after: 60 }, children: [] })];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'image': {
      const px = (mm: number) => Math.round((mm / 25.4) * 96);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: block.png,
              transformation: { width: px(block.widthMm), height: px(block.heightMm) },
              altText: { name: block.alt, description: block.alt, title: block.alt },
            }),
          ],
        }),
      ];
    }
  }
}

export function docxDocument(spec: DocSpec): Document {
  const lists = { n: 1 };
  const children = spec.blocks.flatMap((blk) => blockOf(blk, lists));
  const heading = (pt: number) => ({
    run: { font: FONT, size: halfPt(pt), bold: true, color: '000000' },
    paragraph: { spacing: { before: 200, after: 100 } },
  });
  return new Document({
    title: cleanText(spec.title),
    creator: 'ОКО',
    styles: {
      default: {
        document: { run: { font: FONT, size: halfPt(BODY_PT) } },
        heading1: heading(14),
        heading2: heading(13),
        heading3: heading(12),
        listParagraph: { run: { font: FONT, size: halfPt(BODY_PT) } },
      },
      paragraphStyles: CELL_SIZES.map((pt) => ({
        id: cellStyle(pt),
        name: DS.cellStyle(pt),
        basedOn: 'Normal',
        run: { size: halfPt(pt) },
        paragraph: { spacing: { before: 0, after: 0 } },
      })),
    },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 567, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(PAGE.widthMm), height: twips(PAGE.heightMm) },
            margin: {
              top: twips(MARGINS_MM.top),
              right: twips(MARGINS_MM.right),
              bottom: twips(MARGINS_MM.bottom),
              left: twips(MARGINS_MM.left),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPt(10) })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

export async function docxBuffer(spec: DocSpec): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(spec));
}

/** Writes the document whole or not at all (temporary file, then rename). */
export async function writeDocx(spec: DocSpec, path: string): Promise<void> {
  writeFileAtomic(path, await docxBuffer(spec));
}
