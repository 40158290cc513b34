// `oko report`, `oko routes`, `oko appendix`: the documents schools hand in, as .docx, from the same
// analysis the tabs come from. Nothing is written when the data has errors or the request names
// nothing the workbook has.
import { type DocsRequest, selectForDocs } from '../../core/docs/context';
import { buildDocument, type DocumentKind } from '../../core/docs/index';
import type { DocSpec } from '../../core/docs/spec';
import { type AnalysisRun, runAnalysis } from '../../core/pipeline';
import type { Problem } from '../../core/problems';
import { L } from '../../core/strings/local';
import { readXlsx } from '../xlsx';
import { commandArgs, inputFile, localToday, printProblems, WORK_OPTIONS } from './common';

const C = L.cli;

export interface DocFileResult {
  run: AnalysisRun;
  problems: Problem[];
  spec: DocSpec | null;
  written: string[];
}

/** Reads the workbook, builds one document, writes it only when everything is in order. */
export async function documentFile(kind: DocumentKind, input: string, out: string, req: DocsRequest): Promise<DocFileResult> {
  const { data } = await readXlsx(input);
  const run = runAnalysis(data);
  const sel = selectForDocs(run, req);
  if (!sel.ok || !sel.context) return { run, problems: sel.problems, spec: null, written: [] };
  const built = buildDocument(kind, sel.context, data);
  if (!built.spec) return { run, problems: built.problems, spec: null, written: [] };
  // Loaded on demand: the docx library is most of dist/oko.cjs, and other commands should not pay for it.
  const { writeDocx } = await import('../docx');
  await writeDocx(built.spec, out);
  return { run, problems: built.problems, spec: built.spec, written: [out] };
}

async function runDocumentCommand(kind: DocumentKind, args: string[]): Promise<number> {
  const { values, positionals } = commandArgs(args, {
    ...WORK_OPTIONS,
    subject: { type: 'string', short: 's' },
    class: { type: 'string', short: 'c' },
    date: { type: 'string' },
    'codes-only': { type: 'boolean' },
  });
  const input = inputFile(positionals, C.needBook(C.usage[kind]));
  const out = values.out ?? input.replace(/(\.xlsx)?$/i, `.${C.documentFile[kind]}.docx`);
  const req: DocsRequest = {
    date: values.date ?? localToday(),
    ...(values.procedure ? { procedure: values.procedure } : {}),
    ...(values.subject ? { subject: values.subject } : {}),
    ...(values.class ? { className: values.class } : {}),
    ...(values.year ? { year: values.year } : {}),
    ...(values['results-date'] ? { resultsDate: values['results-date'] } : {}),
    ...(values['codes-only'] ? { names: false } : {}),
  };
  const r = await documentFile(kind, input, out, req);
  if (r.written.length === 0) {
    process.stderr.write(`${C.report.refused}\n`);
    printProblems(r.problems, process.stderr, ['error']);
    return 2;
  }
  if (!values.quiet) {
    process.stdout.write(`${r.spec?.title}\n`);
    const notes = r.problems.filter((p) => p.severity !== 'error');
    if (notes.length) printProblems(notes, process.stdout, ['warning', 'info']);
    process.stdout.write(`${C.written(r.written)}\n`);
  }
  return 0;
}

export const runReport = (args: string[]) => runDocumentCommand('report', args);
export const runRoutes = (args: string[]) => runDocumentCommand('routes', args);
export const runAppendix = (args: string[]) => runDocumentCommand('appendix', args);
