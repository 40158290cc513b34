// A synthetic district of 30 schools with known weak and strong schools, built so that every number
// the tests assert can be checked by hand from the tables below (no generator randomness).
//
// Every work has 10 tasks of 1 point (no plan: basic thresholds 60 / 57 %) and 20 participants; a
// profile is a list of groups «count × pattern (tasks solved) → mark». Per profile, by hand:
//
//   profile    totals                         mean            quality (4+5)  risk (mark 2 or < 5 points)
//   ordinary0  3×10 3×9 6×7 3×5 5×3          129/200 = 64,5   12/20 = 60 %   5/20 = 25 %
//   ordinaryV  v of the «5 → 3» moved to «7 → 4» (v = 1…3): mean + 2v/200, quality + v/20, risk same
//   weak       3×7 3×5 8×3 6×2                72/200 = 36 %    3/20 = 15 %    14/20 = 70 %
//   strong     10×10 6×9 4×8                  186/200 = 93 %   20/20 = 100 %  0
//   partner    12×6 8×9                       144/200 = 72 %   20/20 = 100 %  0
//
// Task completion (tasks 1…10), %:
//   ordinary0  100 100 100  75  75  60  60  30  30  15
//   weak       100 100  70  30  30  15  15   0   0   0
//   strong     100 100 100 100 100 100 100 100  80  50
//   partner    100 100 100  40  40  40   0 100 100 100     ← strong exactly where «weak» has 0 %
//
// Schools (cluster «Местность»):
//   город (15): W1 weak · P1 partner · S1 strong · B one bad work (weak in ВПР МА 5 only) · T six
//               participants in every work · 10 ordinary (v = 0,1,2,3,0,1,2,3,0,1)
//   село  (15): W2, W3 weak · P2 partner · S2 strong · 11 ordinary (v = 0,1,2,3,0,1,2,3,0,1,2)
// Works: three external (ВПР 2026 Математика 5, Русский язык 5, Математика 6) and an internal
// «Входная диагностика 2025 Математика 5 класс» where every school has the weak profile.
import type { CellValue, Grid, Workbook } from '../../src/core/grid';

type Group = [count: number, pattern: string, mark: number];

export const PROFILES: Record<string, Group[]> = {
  ordinary0: [
    [3, '1111111111', 5],
    [3, '1111111110', 5],
    [6, '1111111000', 4],
    [3, '1111100000', 3],
    [5, '1110000000', 2],
  ],
  weak: [
    [3, '1111111000', 4],
    [3, '1111100000', 3],
    [8, '1110000000', 2],
    [6, '1100000000', 2],
  ],
  strong: [
    [10, '1111111111', 5],
    [6, '1111111110', 5],
    [4, '1111111100', 4],
  ],
  partner: [
    [12, '1110000111', 4],
    [8, '1111110111', 5],
  ],
};

export function ordinary(v: number): Group[] {
  const [a, b, c, d, e] = PROFILES.ordinary0 as [Group, Group, Group, Group, Group];
  return [a, b, [c[0] + v, c[1], c[2]], [d[0] - v, d[1], d[2]], e];
}

export const WORKS = ['ВПР 2026 Математика 5 класс', 'ВПР 2026 Русский язык 5 класс', 'ВПР 2026 Математика 6 класс'] as const;
export const INTERNAL = 'Входная диагностика 2025 Математика 5 класс';
const HEADER = ['Код участника', 'Класс', ...Array.from({ length: 10 }, (_, i) => `${i + 1} (1б)`), 'Отметка'];

export function workGrid(title: string, groups: Group[], limit = Number.POSITIVE_INFINITY): Grid {
  const grade = /(\d+) класс/.exec(title)?.[1] ?? '5';
  const rows: CellValue[][] = [[title], HEADER];
  let n = 0;
  for (const [count, pattern, mark] of groups) {
    for (let i = 0; i < count && n < limit; i++, n++) {
      rows.push([`${1000 + n}`, `${grade}А`, ...[...pattern].map(Number), mark]);
    }
  }
  return { name: title, values: rows };
}

export interface District30School {
  code: string;
  name: string;
  cluster: 'город' | 'село';
  role: 'weak' | 'partner' | 'strong' | 'oneBadWork' | 'tooFew' | 'ordinary';
  /** Profile per external work. */
  works: Group[][];
  limit?: number;
  roadmap?: Grid;
}

const code = (i: number) => `edu${String(300000 + i)}`;

export function district30(): District30School[] {
  const out: District30School[] = [];
  let i = 0;
  const add = (cluster: 'город' | 'село', role: District30School['role'], works: Group[][], extra: Partial<District30School> = {}) => {
    i++;
    out.push({ code: code(i), name: `МБОУ «Школа № ${i}»`, cluster, role, works, ...extra });
  };
  const three = (g: Group[]) => [g, g, g];
  add('город', 'weak', three(PROFILES.weak as Group[]), { roadmap: roadmapW1() });
  add('город', 'partner', three(PROFILES.partner as Group[]));
  add('город', 'strong', three(PROFILES.strong as Group[]), { roadmap: roadmapAllDone() });
  add('город', 'oneBadWork', [PROFILES.weak as Group[], ordinary(0), ordinary(0)]);
  add('город', 'tooFew', three(ordinary(0)), { limit: 6 });
  for (const v of [0, 1, 2, 3, 0, 1, 2, 3, 0, 1]) add('город', 'ordinary', three(ordinary(v)));
  add('село', 'weak', three(PROFILES.weak as Group[]));
  add('село', 'weak', three(PROFILES.weak as Group[]));
  add('село', 'partner', three(PROFILES.partner as Group[]));
  add('село', 'strong', three(PROFILES.strong as Group[]));
  for (const v of [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2]) add('село', 'ordinary', three(ordinary(v)));
  return out;
}

export function schoolWorkbook(s: District30School): Workbook {
  const grids = WORKS.map((t, k) => workGrid(t, s.works[k] as Group[], s.limit));
  grids.push(workGrid(INTERNAL, PROFILES.weak as Group[], s.limit));
  if (s.roadmap) grids.push(s.roadmap);
  return { name: `${s.name} — результаты`, grids };
}

export const id30 = (s: District30School) => `1DISTRICT30${s.code}xxxxxxxxxxxxxxxxxxxxxx`;

/** «Источники» of the district: one row per school, with the cluster attribute. */
export function sources30(schools: readonly District30School[]): CellValue[][] {
  return [['Таблица', 'Код ОО', 'Школа', 'Местность'], ...schools.map((s) => [id30(s), s.code, s.name, s.cluster])];
}

const ROADMAP_HEAD = [
  '№',
  'Этап',
  'Мероприятие',
  'Начало',
  'Срок',
  'Ответственный',
  'Результат',
  'Формат документа',
  'Статус',
  'Дата исполнения',
  'Ссылка на документ',
  'Комментарий',
  'Ключ',
];

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
};

/**
 * W1's roadmap, counted by hand on 20.05.2026: done 2 (1.1, 1.2), in progress 1 (2.1), not started 3
 * (2.2, 3.1, 4.1), cancelled 1 (3.2, not counted); overdue 2 (2.1 due 15.05, 3.1 due 01.04); next
 * deadline 31.05.2026 (2.2); 4.1 has no date. The archive row below is not counted.
 */
export function roadmapW1(): Grid {
  const row = (n: string, title: string, end: Date | string, status: string, done: Date | null, key: string): CellValue[] => [
    n,
    '1. Аналитический этап',
    title,
    null,
    end,
    'Заместитель директора по УВР',
    '',
    '',
    status,
    done,
    '',
    '',
    key,
  ];
  return {
    name: 'Дорожная карта · ВПР-2026 МА 5',
    values: [
      ['Дорожная карта: ВПР-2026 МА 5'],
      ['Шаблон: …'],
      ['Легенда'],
      ROADMAP_HEAD,
      row('1.1', 'Анализ результатов ВПР по каждому классу', day('2026-04-30'), 'Выполнено', day('2026-04-28'), 'act:a1'),
      row('1.2', 'Педагогический совет по итогам ВПР', day('2026-05-10'), 'Выполнено', day('2026-05-15'), 'act:a2'),
      row('2.1', 'Внести изменения в рабочие программы по математике', day('2026-05-15'), 'В работе', null, 'act:a3'),
      row('2.2', 'Разработать индивидуальные образовательные маршруты', day('2026-05-31'), 'Не начато', null, 'act:a4'),
      row('3.1', 'Семинар для учителей математики', day('2026-04-01'), 'Не начато', null, 'act:a5'),
      row('3.2', 'Отменённое мероприятие', day('2026-03-01'), 'Отменено', null, 'act:a6'),
      row('4.1', 'Мониторинг по графику', 'срок не определён: по графику', 'Не начато', null, 'act:a7'),
      ['', '', 'Архив — мероприятия, которых больше нет в шаблоне', '', '', '', '', '', '', '', '', '', 'blk:archive'],
      row('9.9', 'Старое мероприятие', day('2026-01-10'), 'Не начато', null, 'act:a9'),
    ],
  };
}

/** S1's roadmap: everything done on time — overdue 0, no next deadline. */
export function roadmapAllDone(): Grid {
  const g = roadmapW1();
  return {
    name: 'Дорожная карта · ВПР-2026 РУ 5',
    values: g.values.slice(0, 6).map((r, i) => (i < 4 ? r : r.map((v, c) => (c === 8 ? 'Выполнено' : v)))),
  };
}

/** «Сроки отчётов»: by number, by words (done late), by words (overdue), by number (not yet due). */
export function reportsSheet(): CellValue[][] {
  return [
    ['Что сдать', 'Срок', 'Мероприятие'],
    ['Анализ результатов ВПР', day('2026-05-01'), '1.1'],
    ['Протокол педсовета', '12.05.2026', 'педагогический совет'],
    ['Изменения в рабочие программы', day('2026-05-16'), ''],
    ['ИОМ обучающихся', day('2026-06-01'), '2.2'],
  ];
}
