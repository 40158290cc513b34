// Synthetic schools for the municipal tests and bench: the sample school generator (src/local/sample)
// with a different seed per school, renamed (name and edu code) so that every school is its own.
// Twelve procedures per school: two ФИС ОКО Ф1 exports and ten ВПР forms with «Классы», «Шкала
// отметок», «План заданий» — the realistic size of one school's spreadsheet.
import type { CellValue, Grid, Workbook } from '../../src/core/grid';
import { buildSampleSchool, SCHOOL } from '../../src/local/sample';

export function schoolCode(i: number): string {
  return `edu${String(100000 + i)}`;
}

export function schoolName(i: number): string {
  return `МБОУ «СОШ № ${i}»`;
}

/** Cluster attributes of school i: deterministic, uneven on purpose. */
export function schoolAttrs(i: number): { Местность: string; Размер: string } {
  return { Местность: i % 3 === 0 ? 'село' : 'город', Размер: i % 4 === 0 ? 'малая' : 'большая' };
}

export function sampleSchoolWorkbook(i: number): Workbook {
  const { sheets } = buildSampleSchool(1000 + i);
  const code = schoolCode(i);
  const name = schoolName(i);
  const rename = (v: CellValue): CellValue =>
    typeof v === 'string' && v.includes(SCHOOL.code) ? v.split(SCHOOL.code).join(code).split(SCHOOL.name).join(name) : v;
  // Sheet names are unique in a real workbook; the generator may repeat one across school years.
  const used = new Set<string>();
  const unique = (name: string) => {
    let n = name;
    for (let k = 2; used.has(n.toLowerCase()); k++) n = `${name} (${k})`;
    used.add(n.toLowerCase());
    return n;
  };
  const grids: Grid[] = sheets.map((s) => ({
    name: unique(s.name),
    values: s.rows.map((row) => row.map((v) => rename(v !== null && typeof v === 'object' ? v.result : v))),
  }));
  return { name: `Школа ${i} — результаты ВПР`, grids };
}
