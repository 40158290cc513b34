// Synthetic input for the benchmark: one ВПР «Форма сбора результатов» sheet of N students × T tasks
// plus «Классы», «План заданий», «Шкала отметок», built directly as Grids (no ExcelJS), deterministic.
import type { CellValue, Grid, Workbook } from '../src/core/grid';
import { createRng, sigmoid } from '../src/local/sample/random';

const MAXES = [1, 2, 1, 3, 2, 1, 1, 2, 1, 2, 3, 1, 2, 1, 1, 2, 2, 1, 3, 2];
const CLASSES = 50;

export interface SyntheticOptions {
  students: number;
  tasks?: number;
  seed?: number;
  /**
   * Results sheets of the same students (same codes): 1 = the April ВПР only; 2–3 add the September
   * and December diagnostics before it, so the run also links students and computes dynamics.
   */
  procedures?: number;
}

/** Sheet names in time order; the month in the name dates the diagnostics. */
const PROCEDURE_SHEETS = [
  'Диагностика Математика 5 класс сентябрь 2025',
  'Диагностика Математика 5 класс декабрь 2025',
  'ВПР 2026 Математика 5 класс',
];

export function syntheticWorkbook(opts: SyntheticOptions): Workbook {
  const nTasks = opts.tasks ?? 20;
  const rng = createRng(opts.seed ?? 1).fork('bench');
  const maxes = Array.from({ length: nTasks }, (_, i) => MAXES[i % MAXES.length] as number);
  const difficulty = maxes.map((_, i) => -1 + (2.4 * i) / Math.max(1, nTasks - 1));
  const maxTotal = maxes.reduce((a, b) => a + b, 0);
  const cuts = [Math.round(maxTotal * 0.3), Math.round(maxTotal * 0.55), Math.round(maxTotal * 0.8)];
  const mark = (t: number) => (t >= (cuts[2] as number) ? 5 : t >= (cuts[1] as number) ? 4 : t >= (cuts[0] as number) ? 3 : 2);

  const header: CellValue[] = [
    'Код участника',
    'Вариант',
    ...maxes.map((m, i) => `${i + 1} (${m}б)`),
    'Порядковый номер класса',
    'Отметка за предыдущий триместр/ четверть/полугодие',
    'Итого баллов',
  ];
  const classSize = 25;
  const nProcs = Math.min(PROCEDURE_SHEETS.length, Math.max(1, opts.procedures ?? 1));
  // ABILITY_SHIFT puts mean completion near 60 % and the at-risk group near a real school's share
  // (the sample school is calibrated on ФИС ОКО figures); 0 gives a harsh ~45 % school where most
  // students are at risk — the worst case for the risk tab (see README).
  const shift = Number(process.env.OKO_BENCH_ABILITY_SHIFT ?? 1.1);
  const abilities = Array.from(
    { length: opts.students },
    (_, s) => shift + 0.3 * Math.sin((Math.floor(s / classSize) % CLASSES) + 1) + rng.normal(),
  );
  const sheet = (proc: number): CellValue[][] => {
    const values: CellValue[][] = [header];
    for (let s = 0; s < opts.students; s++) {
      const cls = (Math.floor(s / classSize) % CLASSES) + 1;
      // Students grow a little between procedures, each at their own pace.
      const ability = (abilities[s] as number) + 0.15 * proc + 0.3 * rng.normal();
      const row: CellValue[] = new Array(nTasks + 5).fill(null);
      row[0] = 50001 + s;
      row[nTasks + 2] = cls;
      if (rng.chance(0.04)) {
        row[1] = 'отсутствовал';
        row[nTasks + 3] = 3;
        row[nTasks + 4] = 0;
        values.push(row);
        continue;
      }
      row[1] = rng.chance(0.5) ? 1 : 2;
      let total = 0;
      for (let i = 0; i < nTasks; i++) {
        const b = difficulty[i] as number;
        if (rng.chance(sigmoid(-4 + b - ability))) {
          row[i + 2] = 'X';
          continue;
        }
        let pts = 0;
        for (let k = 0; k < (maxes[i] as number); k++) if (rng.chance(sigmoid(1.3 * (ability - b - 0.5 * k)))) pts++;
        row[i + 2] = pts;
        total += pts;
      }
      row[nTasks + 3] = rng.chance(0.02) ? 'нет отметки' : Math.min(5, mark(total) + (rng.chance(0.25) ? 1 : 0));
      row[nTasks + 4] = total;
      values.push(row);
    }
    // A few empty template rows, as in the real form.
    for (let i = 0; i < 20; i++) {
      const row: CellValue[] = new Array(nTasks + 5).fill(null);
      row[nTasks + 4] = 0;
      values.push(row);
    }
    return values;
  };

  const grids: Grid[] = [
    ...PROCEDURE_SHEETS.slice(PROCEDURE_SHEETS.length - nProcs).map((name, i) => ({ name, values: sheet(i) })),
    { name: 'Классы', values: [['Номер', 'Класс'], ...Array.from({ length: CLASSES }, (_, i) => [i + 1, `5-${i + 1}`])] },
    {
      name: 'План заданий',
      values: [
        ['Предмет', 'Класс', 'Задание', 'Макс. балл', 'Уровень', 'Умение'],
        ...maxes.map((m, i) => ['Математика', 5, i + 1, m, i < nTasks * 0.7 ? 'Б' : 'П', `Умение ${(i % 7) + 1}`]),
      ],
    },
    {
      name: 'Шкала отметок',
      values: [
        ['Предмет', 'Класс', 3, 4, 5],
        ['Математика', 5, ...cuts],
      ],
    },
  ];
  return { name: 'bench', grids };
}
