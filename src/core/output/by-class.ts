// «Дефициты по классам»: per procedure, groups × tasks completion with status colours; then, per
// class, the list of insufficient tasks with their skills, and the systemic skill deficits. Every row
// of a procedure carries its subject, parallel and class (empty on parallel and school rows) in the
// leading columns, so the ШМО filter narrows the tab to a subject, a parallel or a class.

import { notCheckedText } from '../analysis/checks';
import type { GroupStats, ProcedureAnalysis } from '../analysis/deficits';
import type { Procedure, Task } from '../model';
import type { Settings } from '../settings';
import { S } from '../strings';
import { COLORS, SpecBuilder } from './builder';
import { statusRules, taskNote } from './matrix';
import type { SheetSpec } from './spec';
import { PROCEDURE_LEAD, procedureLead } from './stats-common';

const LEVEL_GROUP: Record<string, string> = { class: 'класс', parallel: 'параллель', school: 'школа' };

export function buildByClass(analyses: readonly ProcedureAnalysis[], s: Settings): SheetSpec {
  const b = new SpecBuilder(S.tabs.byClass);
  const maxTasks = Math.max(1, ...analyses.map((a) => a.procedure.tasks.length));
  const c0 = 5; // first task column (after the lead columns)
  b.preamble(S.tabs.byClass, c0 + maxTasks, [
    `% выполнения каждого задания группой = сумма баллов ÷ (участники × макс. балл) × 100. Зелёный — достаточно, жёлтый — на грани, красный — недостаточно ` +
      `(базовые: ≥ ${s['deficit.basicSufficient']} % / ${s['deficit.basicUncertain']}–${s['deficit.basicSufficient']} % / < ${s['deficit.basicUncertain']} %; ` +
      `повышенные и высокие: ≥ ${s['deficit.advancedSufficient']} % / ${s['deficit.advancedUncertain']}–${s['deficit.advancedSufficient']} % / < ${s['deficit.advancedUncertain']} %). ` +
      `Группы меньше ${s['sample.minReliable']} участников помечены: их статистика ненадёжна.`,
  ]);
  b.leadColumns(PROCEDURE_LEAD, [120, 90, 90]);
  b.lead = 'labels';
  b.row([''], { bold: true, background: COLORS.headerBg });

  for (const a of analyses) {
    const p = a.procedure;
    b.lead = procedureLead(p);
    b.blank();
    b.row([p.title], { bold: true, background: COLORS.headerBg });
    const head = b.row(['Группа', 'Тип', 'Участников', 'Надёжность', '% выполнения работы', ...p.tasks.map((t) => t.id)], {
      bold: true,
      background: COLORS.headerBg,
    });
    p.tasks.forEach((t, i) => {
      b.note(head, c0 + i, taskNote(t));
    });
    const levelRow = b.row(['Уровень', '', '', '', '', ...p.tasks.map((t) => t.level ?? '—')], { italic: true });
    const start = b.nextRow;
    for (const g of a.groups) {
      b.lead = procedureLead(p, g);
      const r = b.row([
        g.name,
        LEVEL_GROUP[g.level] ?? g.level,
        g.participants,
        g.reliable ? 'да' : S.unreliable(g.participants, s['sample.minReliable']),
        Number.isFinite(g.meanCompletion) ? g.meanCompletion : null,
        ...g.completion.map((c) => (Number.isFinite(c) ? c : null)),
      ]);
      if (g.level !== 'class') b.format({ row: r, col: 0, rows: 1, cols: c0 }, { bold: true });
      if (!g.reliable) b.format({ row: r, col: 3, rows: 1, cols: 1 }, { fontColor: COLORS.danger, italic: true });
    }
    const rows = b.nextRow - start;
    b.format({ row: start, col: 4, rows, cols: 1 + p.tasks.length }, { numberFormat: '0.0' });
    statusRules(b, { row: start, col: c0, rows, cols: p.tasks.length }, levelRow, s);
  }

  // ---- lists per class ---------------------------------------------------------------------
  b.lead = null;
  b.blank();
  b.row(['Недостаточно выполненные задания по классам'], { bold: true, background: COLORS.titleBg });
  b.lead = 'labels';
  b.row(['Процедура', 'Группа', 'Задание (уровень)', 'Статус', '% выполнения', 'Умение (планируемый результат); раздел, тема'], {
    bold: true,
    background: COLORS.headerBg,
  });
  const listStart = b.nextRow;
  for (const a of analyses) {
    const p = a.procedure;
    for (const g of a.groups) {
      if (g.participants === 0) continue;
      b.lead = procedureLead(p, g);
      const bad = p.tasks
        .map((t, i) => ({ t, c: g.completion[i] as number, st: g.status[i] }))
        .filter((x) => x.st === 'insufficient' || x.st === 'uncertain');
      if (bad.length === 0) {
        b.row([p.title, groupName(g, p), '—', 'нет недостаточно выполненных заданий']);
        continue;
      }
      for (const x of bad) {
        b.row([
          p.title,
          groupName(g, p),
          `${x.t.id} (${x.t.level ?? '—'})`,
          S.status[x.st as 'insufficient' | 'uncertain'],
          x.c,
          skillText(x.t) + sectionText(x.t),
        ]);
      }
    }
  }
  const listRows = b.nextRow - listStart;
  b.format({ row: listStart, col: 4, rows: listRows, cols: 1 }, { numberFormat: '0.0' });
  const statusArea = { row: listStart, col: 3, rows: listRows, cols: 1 };
  b.rules.push(
    { range: statusArea, formula: `=D${listStart + 1}="${S.status.insufficient}"`, background: COLORS.insufficientBg },
    { range: statusArea, formula: `=D${listStart + 1}="${S.status.uncertain}"`, background: COLORS.uncertainBg },
  );

  // ---- systemic skill deficits -------------------------------------------------------------
  const withSkills = analyses.filter((a) => a.skills.length > 0);
  const withoutSkills = analyses.filter((a) => a.skills.length === 0);
  if (withoutSkills.length > 0) {
    b.lead = null;
    b.blank();
    for (const a of withoutSkills) {
      b.row([`Системные дефициты умений, ${a.procedure.title}: ${notCheckedText(S.checks.noSkills)}`], {
        italic: true,
        fontColor: COLORS.muted,
      });
    }
  }
  if (withSkills.length > 0) {
    b.lead = null;
    b.blank();
    b.row([`Системные дефициты умений (недостаточно выполнено больше ${s['deficit.systemicShare']} % заданий умения)`], {
      bold: true,
      background: COLORS.titleBg,
    });
    b.lead = 'labels';
    b.row(['Процедура', 'Группа', 'Задания', 'Недостаточных', '% выполнения умения', 'Умение'], {
      bold: true,
      background: COLORS.headerBg,
    });
    const sStart = b.nextRow;
    let any = false;
    for (const a of withSkills) {
      for (const sk of a.skills) {
        a.groups.forEach((g, gi) => {
          if (!sk.systemic[gi]) return;
          any = true;
          b.lead = procedureLead(a.procedure, g);
          const bad = sk.tasks.filter((i) => g.status[i] === 'insufficient').length;
          b.row([
            a.procedure.title,
            groupName(g, a.procedure),
            sk.tasks.map((i) => (a.procedure.tasks[i] as Task).id).join(', '),
            `${bad} из ${sk.tasks.length}`,
            sk.completion[gi] ?? null,
            sk.skill,
          ]);
        });
      }
    }
    b.lead = null;
    if (!any) b.row(['', 'Системных дефицитов не найдено.']);
    b.format({ row: sStart, col: 4, rows: b.nextRow - sStart, cols: 1 }, { numberFormat: '0.0' });
  }

  // The first five columns serve both the matrices and the lists; the skill text of the lists
  // overflows into the narrow task columns to its right (not wrapped on purpose). Few distinct
  // widths: Sheets sets each run of equal widths in one call.
  b.columnWidths = { 0: 190, 1: 120, 2: 120, 3: 120, 4: 90 };
  for (let i = 0; i < maxTasks; i++) b.columnWidths[c0 + i] = 52;
  // Title, legend and the lead columns' header stay in view.
  return b.build({ frozenRows: 3 });
}

/** «5А», «5 классы (параллель)»; with the school when the procedure has several («5А (МБОУ СОШ № 1)»). */
function groupName(g: GroupStats, p: Procedure): string {
  const name = g.level === 'class' ? g.name : `${g.name} (${LEVEL_GROUP[g.level]})`;
  return p.schools.length > 1 && g.level !== 'school' ? `${name} (${g.school})` : name;
}

export function skillText(t: Task): string {
  if (t.skill && t.plannedResult) return `${t.skill} (${t.plannedResult})`;
  return t.skill ?? t.plannedResult ?? 'умение не указано: добавьте лист «План заданий»';
}

function sectionText(t: Task): string {
  const parts = [t.section, t.topic].filter(Boolean);
  return parts.length ? `; ${parts.join(' — ')}` : '';
}

/** «5А», «5 классы (параллель)», «Школа (школа)». */
export function groupDisplayName(name: string, level: string): string {
  return level === 'class' ? name : `${name} (${LEVEL_GROUP[level]})`;
}
