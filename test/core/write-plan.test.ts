// The write plan and the one sequence that applies it (core/write): order, all-or-nothing refusals,
// and a step's share of the analysis plan (tab ownership from core/tabs.ts).
import { describe, expect, it } from 'vitest';
import type { SheetSpec } from '../../src/core/output/spec';
import { userColumnsOf } from '../../src/core/output/user-columns';
import { runAnalysis } from '../../src/core/pipeline';
import { S } from '../../src/core/strings';
import { isGeneratedTab, keepsUserInput, STEP_IDS, stepOfTab } from '../../src/core/tabs';
import { applyPlan, runAndApply } from '../../src/core/write/apply';
import { emptyPlan, type PlanWriter, stepPlan, type WritePlan } from '../../src/core/write/plan';
import { riskBook } from '../helpers/findings';

const spec = (name: string): SheetSpec => ({ name, values: [[name]] });

/** A writer that records what it is asked to do, in order. */
function recorder(existing: string[] = []): PlanWriter & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    prepare: () => calls.push('prepare'),
    ensureTab: (s) => {
      calls.push(`ensure ${s.name}`);
      return !existing.includes(s.name);
    },
    replaceTabs: (specs) => calls.push(`replace ${specs.map((s) => s.name).join(', ')}`),
    removeTab: (name) => {
      calls.push(`remove ${name}`);
      return existing.includes(name);
    },
    setHighlights: (h) => {
      calls.push(`highlights ${h.length}`);
      return { removed: 0, added: h.length, sheets: h.map((x) => x.sheet) };
    },
  };
}

describe('applyPlan', () => {
  it('prepares, replaces all tabs at once, ensures, removes stale tabs, then highlights — and reports what happened', () => {
    const w = recorder(['Настройки ОКО', 'Старое']);
    const plan: WritePlan = {
      replace: [spec('А'), spec('Б')],
      ensure: [spec('Настройки ОКО')],
      remove: ['Старое', 'Нет такого'],
      highlights: [{ sheet: 'Протокол', rules: [] }],
      documents: [],
    };
    const report = applyPlan(w, plan);
    expect(w.calls).toEqual(['prepare', 'replace А, Б', 'ensure Настройки ОКО', 'remove Старое', 'remove Нет такого', 'highlights 1']);
    expect(report).toEqual({
      written: ['А', 'Б'],
      created: [],
      deleted: ['Старое'],
      highlights: { removed: 0, added: 1, sheets: ['Протокол'] },
      documents: [],
    });
  });

  it('null highlights leave the user sheets untouched; [] only removes ОКО rules', () => {
    const untouched = recorder();
    expect(applyPlan(untouched, emptyPlan()).highlights).toBeNull();
    expect(untouched.calls).toEqual(['prepare', 'replace ']);
    const removeOnly = recorder();
    applyPlan(removeOnly, { ...emptyPlan(), highlights: [] });
    expect(removeOnly.calls).toContain('highlights 0');
  });

  it('refuses documents on a host that cannot make them, before writing anything', () => {
    const w = recorder();
    expect(() => applyPlan(w, { ...emptyPlan(), replace: [spec('А')], documents: [{ name: 'Справка' }] })).toThrow();
    expect(w.calls).toEqual([]);
    const withDocs = { ...recorder(), writeDocuments: (d: readonly { name: string }[]) => d.map((x) => `${x.name}.docx`) };
    expect(applyPlan(withDocs, { ...emptyPlan(), documents: [{ name: 'Справка' }] }).documents).toEqual(['Справка.docx']);
  });

  it('runAndApply writes nothing for a refused run', () => {
    const w = recorder();
    const { report } = runAndApply({ name: 'x', grids: [] }, w, () => ({ ok: false, write: { ...emptyPlan(), replace: [spec('А')] } }));
    expect(report).toBeNull();
    expect(w.calls).toEqual([]);
  });
});

describe('tab ownership and step plans', () => {
  it('every generated tab belongs to exactly one step; the user columns tabs keep user input', () => {
    // Roadmap tabs are named «Дорожная карта · …» / «ДК · …» (prefixes), one per procedure.
    const prefixed = new Set<string>([S.tabs.roadmap, S.tabs.roadmapShort]);
    for (const label of Object.values(S.tabs)) {
      // «ИОМ» is the suffix of a roadmap's per-student tab («ДК · ВПР МА 5 · ИОМ»).
      const name = prefixed.has(label)
        ? `${label} · ВПР МА 5`
        : label === S.tabs.iom
          ? `${S.tabs.roadmapShort} · ВПР МА 5 · ${label}`
          : label;
      if (!isGeneratedTab(name)) {
        // The user's own sheets that ОКО creates once: settings and the ГИА scales.
        expect([S.tabs.settings, S.tabs.giaScales, S.tabs.shmo, S.tabs.shmoFindings]).toContain(name);
        continue;
      }
      expect(STEP_IDS).toContain(stepOfTab(name));
      if (userColumnsOf(name)) expect(keepsUserInput(name), name).toBe(true);
    }
    expect(stepOfTab('Мои заметки')).toBeNull();
    // A person's ШМО view («ШМО · …») is generated but belongs to no step: only its owner writes it.
    expect(isGeneratedTab(`${S.tabs.shmo} · Математика`)).toBe(true);
    expect(stepOfTab(`${S.tabs.shmo} · Математика`)).toBeNull();
    expect(keepsUserInput(`${S.tabs.shmo} · Математика`)).toBe(false);
  });

  it('a step writes its own tabs and stale tabs, the settings when missing, and highlights only for «Группа риска»', () => {
    const wb = riskBook();
    const run = runAnalysis({ ...wb, grids: [...wb.grids, { name: 'Матрица дефицитов · ИС 9', values: [] }] });
    expect(run.ok).toBe(true);
    expect(run.write.remove).toEqual(['Матрица дефицитов · ИС 9']);
    const all = run.write.replace.map((t) => t.name);
    const parts = STEP_IDS.map((step) => stepPlan(run.write, step));
    // Together the steps write every tab of the full plan, each once.
    expect(parts.flatMap((p) => p.replace.map((t) => t.name)).sort()).toEqual([...all].sort());
    const [analysis, risk, objectivity, roadmap] = parts as [WritePlan, WritePlan, WritePlan, WritePlan];
    expect(risk.replace.map((t) => t.name)).toEqual([S.tabs.risk, S.tabs.dynamics]);
    expect(objectivity.replace.map((t) => t.name)).toEqual([S.tabs.objectivity]);
    expect(roadmap.replace).toEqual([]);
    expect(analysis.remove).toEqual(['Матрица дефицитов · ИС 9']);
    expect(risk.remove).toEqual([]);
    expect(risk.highlights).toEqual(run.write.highlights);
    expect(analysis.highlights).toBeNull();
    for (const p of parts) expect(p.ensure).toEqual(run.write.ensure);
  });
});
