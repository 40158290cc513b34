// The documents ОКО makes, by kind: one entry point for the CLI, the demo and the Google Docs host.
import type { Workbook } from '../grid';
import type { Problem } from '../problems';
import { buildAppendix } from './appendix';
import type { DocsContext } from './context';
import { buildReport } from './report';
import { buildRoutes } from './routes';
import type { DocSpec } from './spec';

/** report — аналитическая справка; routes — ИОМ; appendix — приложения к рабочим программам. */
export type DocumentKind = 'report' | 'routes' | 'appendix';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['report', 'routes', 'appendix'];

export interface BuiltDocument {
  /** Null when there is nothing to write (the problems say why). */
  spec: DocSpec | null;
  problems: Problem[];
}

/** `workbook` gives the optional sheet only documents read («Виды работы ИОМ»). */
export function buildDocument(kind: DocumentKind, ctx: DocsContext, workbook?: Workbook): BuiltDocument {
  switch (kind) {
    case 'report':
      return { spec: buildReport(ctx), problems: [] };
    case 'routes':
      return buildRoutes(ctx, workbook);
    case 'appendix':
      return buildAppendix(ctx, workbook);
  }
}
