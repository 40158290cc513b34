// readWorkbookFile: any school file in, the core's Workbook (Grids) out — or a Russian refusal that says
// what the file seems to be and what to do. The format is recognised by content, not by extension
// (a .csv or .xls renamed to .xlsx is read as what it is).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Workbook } from '../../core/grid';
import { L } from '../../core/strings';
import { CliError } from '../commands/common';
import { Package } from '../package/opc';
import { readDateStyles, readSharedStrings, readSheetGrid } from '../package/read-sheet';
import { readWorkbookPart, type WorkbookPart, workbookPath } from '../package/workbook-part';
import { isZip, ZipError } from '../package/zip';
import { readCsv } from './csv';
import { cfbStreams, readWithSheetjs } from './sheetjs';

export type ConvertedKind = 'xls' | 'ods' | 'csv' | 'xlsb' | 'html' | 'xml2003';

/** Where the grids came from: an .xlsx package (written back losslessly) or a format converted to grids. */
export type WorkbookSource = { kind: 'xlsx'; pkg: Package; part: WorkbookPart; macros: boolean } | { kind: ConvertedKind; detail?: string };

export interface ReadResult {
  workbook: Workbook;
  source: WorkbookSource;
}

export type UnreadableKind = 'empty' | 'encrypted' | 'damaged' | 'not-workbook';

/** A file that cannot be read: the message is for the user; exit code 2; nothing is written. */
export class UnreadableWorkbook extends CliError {
  constructor(
    readonly kind: UnreadableKind,
    message: string,
  ) {
    super(message, 2);
  }
}

const stem = (file: string) => basename(file).replace(/\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|csv|txt|xml|html?)$/i, '');

export async function readWorkbookFile(path: string): Promise<ReadResult> {
  return readWorkbookBytes(readFileSync(path), basename(path));
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function readWorkbookBytes(bytes: Uint8Array, file: string): Promise<ReadResult> {
  const name = stem(file);
  const notWorkbook = (seems: string) => new UnreadableWorkbook('not-workbook', L.file.notWorkbook(file, seems));
  const damaged = (what: string) => new UnreadableWorkbook('damaged', L.file.damaged(file, what));
  if (bytes.length === 0) throw new UnreadableWorkbook('empty', L.file.empty(file));
  if (isZip(bytes) || startsWith(bytes, [0x50, 0x4b])) return readZipWorkbook(bytes, file, name);
  if (startsWith(bytes, CFB)) {
    let streams: string[];
    try {
      streams = await cfbStreams(bytes);
    } catch {
      throw damaged(L.file.broken.truncated);
    }
    // An encrypted .xlsx/.docx is an OLE file holding EncryptionInfo + EncryptedPackage.
    if (streams.includes('EncryptionInfo') || streams.includes('EncryptedPackage'))
      throw new UnreadableWorkbook('encrypted', L.file.encrypted(file));
    if (streams.includes('Workbook') || streams.includes('Book')) return converted(bytes, file, name, 'xls');
    if (streams.includes('WordDocument')) throw notWorkbook(L.file.seems.word);
    if (streams.includes('PowerPoint Document')) throw notWorkbook(L.file.seems.powerpoint);
    throw notWorkbook(L.file.seems.cfb);
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw notWorkbook(L.file.seems.pdf);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38]))
    throw notWorkbook(L.file.seems.image);
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw notWorkbook(L.file.seems.rtf);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  if (/urn:schemas-microsoft-com:office:spreadsheet/.test(head)) return converted(bytes, file, name, 'xml2003');
  if (/^\s*(<!doctype html|<html|<table)/i.test(head.replace(/^\uFEFF|^ï»¿/, ''))) return converted(bytes, file, name, 'html');
  // Text: a .csv (also when it was renamed). NUL bytes without a UTF-16 BOM mean a binary file.
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && bytes.subarray(0, 4096).includes(0)) throw notWorkbook(L.file.seems.binary);
  const csv = readCsv(bytes, name);
  if (csv.grid.values.length === 0) throw notWorkbook(L.file.seems.noTable);
  return { workbook: { name, grids: [csv.grid] }, source: { kind: 'csv', detail: L.csvDetail(csv.encoding, csv.separator) } };
}

async function converted(bytes: Uint8Array, file: string, name: string, kind: ConvertedKind): Promise<ReadResult> {
  try {
    const grids = await readWithSheetjs(bytes);
    return { workbook: { name, grids }, source: { kind } };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw new UnreadableWorkbook('encrypted', L.file.encrypted(file));
    throw new UnreadableWorkbook('damaged', L.file.damaged(file, kind === 'ods' ? L.file.broken.ods : L.file.broken.xls));
  }
}

/** SheetJS does not check the zip's checksums: every part of an .xlsb is checked first. */
function convertedXlsb(pkg: Package, bytes: Uint8Array, file: string, name: string): Promise<ReadResult> {
  pkg.verifyXmlParts(true);
  return converted(bytes, file, name, 'xlsb');
}

function readZipWorkbook(bytes: Uint8Array, file: string, name: string): Promise<ReadResult> | ReadResult {
  const damaged = (what: string) => new UnreadableWorkbook('damaged', L.file.damaged(file, what));
  const notWorkbook = (seems: string) => new UnreadableWorkbook('not-workbook', L.file.notWorkbook(file, seems));
  try {
    const pkg = new Package(bytes);
    const mime = pkg.has('mimetype') ? new TextDecoder().decode(pkg.bytesOf('mimetype')).trim() : '';
    if (mime === 'application/vnd.oasis.opendocument.spreadsheet' || mime === 'application/vnd.oasis.opendocument.spreadsheet-template') {
      // A password-protected .ods keeps its parts encrypted and says so in the manifest.
      if (/encryption-data/.test(pkg.text('META-INF/manifest.xml') ?? ''))
        throw new UnreadableWorkbook('encrypted', L.file.encrypted(file));
      // SheetJS does not check the zip's checksums: a damaged part is caught here, not parsed as garbage.
      pkg.verifyXmlParts();
      return converted(bytes, file, name, 'ods');
    }
    if (mime.startsWith('application/vnd.oasis.opendocument')) throw notWorkbook(L.file.seems.odt);
    const path = workbookPath(pkg);
    // The main part must be a workbook (a Word document renamed to .xlsx has one too, of another kind).
    const isBook =
      path !== undefined &&
      !path.toLowerCase().endsWith('.bin') &&
      /<(?:[\w.-]+:)?workbook[\s>]/.test((pkg.text(path) ?? '').slice(0, 4096));
    if (!path || !isBook) {
      if (pkg.has('xl/workbook.bin')) return convertedXlsb(pkg, bytes, file, name);
      if (pkg.has('word/document.xml')) throw notWorkbook(L.file.seems.word);
      if (pkg.has('ppt/presentation.xml')) throw notWorkbook(L.file.seems.powerpoint);
      if (path?.toLowerCase().endsWith('.bin')) return convertedXlsb(pkg, bytes, file, name);
      if (pkg.has('[Content_Types].xml')) throw damaged(L.file.broken.parts);
      throw notWorkbook(L.file.seems.zip);
    }
    const part = readWorkbookPart(pkg, path);
    if (part.sheets.length === 0) throw damaged(L.file.broken.parts);
    const ctx = { strings: readSharedStrings(pkg, part), dateStyles: readDateStyles(pkg, part), date1904: part.date1904 };
    const grids = part.sheets
      .filter((s) => s.kind === 'worksheet' && s.part)
      .map((s) => readSheetGrid(s.name, pkg.text(s.part as string) ?? '', ctx));
    pkg.verifyXmlParts();
    const macros = pkg.has('xl/vbaProject.bin');
    return { workbook: { name, grids }, source: { kind: 'xlsx', pkg, part, macros } };
  } catch (e) {
    if (e instanceof UnreadableWorkbook) throw e;
    if (e instanceof ZipError) {
      if (e.reason === 'encrypted') throw new UnreadableWorkbook('encrypted', L.file.encrypted(file));
      if (e.reason === 'no-zip') throw notWorkbook(L.file.seems.binary);
      throw damaged(
        e.reason === 'truncated' ? L.file.broken.truncated : e.reason === 'directory' ? L.file.broken.directory : L.file.broken.corrupt,
      );
    }
    throw damaged(L.file.broken.parts);
  }
}
