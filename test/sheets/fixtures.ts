// Input sheets for the adapter tests, in the ВПР «Протокол» layout.
export const VPR_HEADER = [
  'Код участника',
  'Вариант',
  '1 (2б)',
  '2 (1б)',
  '3 (3б)',
  'Порядковый номер класса',
  'Отметка за предыдущий триместр/ четверть/полугодие',
  'Итого баллов',
];

/** A small protocol: two classes, one absent student, two «X». */
export function smallProtocol(): unknown[][] {
  return [
    VPR_HEADER,
    ['10001', 1, 2, 1, 3, 1, 5, 6],
    ['10002', 2, 1, 0, 'X', 1, 4, 1],
    ['10003', 'отсутствовал', '', '', '', 1, '', ''],
    ['10004', 1, 0, 1, 2, 2, 3, 3],
    ['10005', 2, 2, 'X', 1, 2, 4, 3],
  ];
}

const MAX = [2, 1, 3, 2, 1, 2, 3, 1, 2, 2];

/** `students` rows over `classes` classes with deterministic pseudo-random scores on ten tasks. */
export function bigProtocol(students: number, classes = 4): unknown[][] {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const header = ['Код участника', 'Вариант', ...MAX.map((m, i) => `${i + 1} (${m}б)`), 'Порядковый номер класса', 'Итого баллов'];
  const rows: unknown[][] = [header];
  for (let i = 0; i < students; i++) {
    const scores = MAX.map((m) => (rnd() < 0.05 ? 'X' : Math.floor(rnd() * (m + 1))));
    const total = scores.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    rows.push([String(100000 + i), 1 + (i % 2), ...scores, 1 + (i % classes), total]);
  }
  return rows;
}
