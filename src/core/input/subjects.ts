// Subjects as ФИС ОКО and schools write them: full names, ФИС ОКО two-letter sheet prefixes
// («РУ 4 Индивидуальные результаты»), and the ids of the built-in catalogs.
import { norm } from '../grid';

interface SubjectDef {
  name: string;
  /** Catalog id (file names of built-in task plans). */
  id: string;
  aliases: string[];
  /** ФИС ОКО sheet-name prefixes. */
  abbr: string[];
}

export const SUBJECTS: readonly SubjectDef[] = [
  { name: 'Русский язык', id: 'russian', aliases: ['русский', 'рус. яз', 'рус.яз'], abbr: ['РУ'] },
  { name: 'Математика', id: 'mathematics', aliases: ['алгебра и начала анализа'], abbr: ['МА'] },
  { name: 'Литературное чтение', id: 'literary_reading', aliases: ['лит. чтение', 'литчтение'], abbr: ['ЛЧ'] },
  { name: 'Окружающий мир', id: 'world_around', aliases: ['окр. мир'], abbr: ['ОМ', 'ОК'] },
  { name: 'Литература', id: 'literature', aliases: [], abbr: ['ЛИ'] },
  { name: 'История', id: 'history', aliases: [], abbr: ['ИС', 'ИСТ'] },
  { name: 'Обществознание', id: 'social_studies', aliases: [], abbr: ['ОБ', 'ОБЩ'] },
  { name: 'География', id: 'geography', aliases: [], abbr: ['ГЕ', 'ГГ'] },
  { name: 'Биология', id: 'biology', aliases: [], abbr: ['БИ'] },
  { name: 'Физика', id: 'physics', aliases: [], abbr: ['ФИ'] },
  { name: 'Химия', id: 'chemistry', aliases: [], abbr: ['ХИ'] },
  { name: 'Информатика', id: 'informatics', aliases: ['информатика и икт'], abbr: ['ИН'] },
  { name: 'Английский язык', id: 'english', aliases: ['английский'], abbr: ['АЯ', 'АН'] },
  { name: 'Немецкий язык', id: 'german', aliases: ['немецкий'], abbr: ['НЯ', 'НЕ'] },
  { name: 'Французский язык', id: 'french', aliases: ['французский'], abbr: ['ФЯ', 'ФР'] },
  { name: 'Алгебра', id: 'algebra', aliases: [], abbr: ['АЛ'] },
  { name: 'Геометрия', id: 'geometry', aliases: [], abbr: ['ГМ'] },
];

const byNorm: [string, SubjectDef][] = [];
for (const s of SUBJECTS) {
  byNorm.push([norm(s.name), s]);
  for (const a of s.aliases) byNorm.push([norm(a), s]);
}
// Longest first, so «литературное чтение» wins over «литература».
byNorm.sort((a, b) => b[0].length - a[0].length);

/** Finds a subject name anywhere in a text («ВПР 2026 Русский язык 4 класс»). */
export function findSubject(text: string): SubjectDef | null {
  const t = norm(text);
  for (const [key, s] of byNorm) if (t.includes(key)) return s;
  // ФИС ОКО abbreviations before a grade: «МА 4 Сравнение отметок…», «ВПР РУ 5 класс».
  for (const m of text.matchAll(/(?:^|[^А-ЯЁа-яё])([А-ЯЁ]{2,3})\s+\d{1,2}(?!\d)/g)) {
    const s = SUBJECTS.find((x) => x.abbr.includes(m[1] as string));
    if (s) return s;
  }
  return null;
}

export function subjectByName(name: string): SubjectDef | null {
  const n = norm(name);
  return SUBJECTS.find((s) => norm(s.name) === n || s.aliases.some((a) => norm(a) === n)) ?? null;
}
