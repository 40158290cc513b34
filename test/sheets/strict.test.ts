// The fakes refuse what Google refuses, and the school edition behaves well under each refusal:
// OAuth scopes per call (from the edition's manifest), property values measured in UTF-8 bytes, no
// document lock outside a document, momentary «Service Spreadsheets failed» errors, tab-name rules.
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/core/pipeline';
import { S } from '../../src/core/strings';
import { isGeneratedTab } from '../../src/core/tabs';
import { analyseAndWrite } from '../../src/server/analyze';
import { applyFilter, savedChoice } from '../../src/server/filters';
import { runStepAndWrite } from '../../src/server/steps';
import { readSpreadsheet } from '../../src/sheets/read';
import { tempName } from '../../src/sheets/temp';
import {
  type FakeGas,
  FakeSheet,
  manifestScopes,
  PROPERTY_VALUE_BYTES,
  SCOPES,
  ScopeError,
  SERVICE_FAILED,
  sheetNameProblem,
} from '../fakes';
import { smallProtocol } from './fixtures';
import { fakeGas } from './setup';

function school(opts: Parameters<typeof fakeGas>[1] = {}): FakeGas {
  const gas = fakeGas(undefined, opts);
  gas.ss.addSheet('Протокол', smallProtocol());
  return gas;
}

describe('scopes: every call needs one its manifest grants', () => {
  it('the school manifest is what the school edition needs: analysis, steps and menu run under it', () => {
    // drive.file: only the Google Docs the add-on creates (справка, ИОМ; test/docs/).
    expect(manifestScopes('school')).toEqual([SCOPES.currentOnly, SCOPES.ui, SCOPES.driveFile]);
    const gas = school();
    expect(analyseAndWrite(gas.ss).report).not.toBeNull();
    expect(runStepAndWrite(gas.ss, 'risk').report).not.toBeNull();
  });

  it('it grants no access to other spreadsheets, mail or triggers', () => {
    const gas = school();
    gas.log.hit('service', 'SpreadsheetApp.getActiveSpreadsheet');
    for (const method of ['SpreadsheetApp.openById', 'MailApp.sendEmail', 'ScriptApp.newTrigger']) {
      expect(() => gas.log.hit('doc', method), method).toThrow(ScopeError);
    }
    expect(() => gas.log.hit('doc', 'SpreadsheetApp.openById')).toThrow(
      'Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  it('without spreadsheets.currentonly the analysis is refused, as Google would, and nothing is written', () => {
    const gas = school({ scopes: [SCOPES.ui] });
    expect(() => analyseAndWrite(gas.ss)).toThrow(ScopeError);
    gas.log.scopes = null;
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
  });
});

describe('properties are measured in UTF-8 bytes', () => {
  it('the fake refuses a value of 4 700 Cyrillic letters (9 400 bytes), though it is under 9 216 characters', () => {
    const gas = school();
    const store = gas.properties.getUserProperties();
    const cyrillic = 'ж'.repeat(4700);
    expect(cyrillic.length).toBeLessThan(PROPERTY_VALUE_BYTES);
    expect(() => store.setProperty('k', cyrillic)).toThrow('Argument too large: value');
    expect(() => store.setProperty('k', 'z'.repeat(4700))).not.toThrow();
  });

  it('a ШМО filter too large to remember is still applied; the panel just does not remember it', () => {
    const gas = school();
    runStepAndWrite(gas.ss, 'analysis');
    const small = { subjects: ['Математика'], grades: [], classes: [], teachers: [] };
    applyFilter(gas.ss, small);
    expect(savedChoice(gas.ss)).toEqual(small);
    // 200 teachers of 60 Cyrillic letters: 24 000 bytes of JSON, far over 9 KB.
    const teachers = Array.from({ length: 200 }, (_, i) => `Преподавательница Иванова-Петрова Александра Николаевна № ${i}`.slice(0, 60));
    const big = { subjects: ['Математика'], grades: [], classes: [], teachers };
    const result = applyFilter(gas.ss, big);
    expect(result.applied).toBe(true);
    expect(savedChoice(gas.ss)).toBeNull();
  });
});

describe('no document lock outside a document', () => {
  it('the fake returns null there, as Google does', () => {
    const gas = school({ inDocument: false });
    expect(gas.lockService.getDocumentLock()).toBeNull();
  });

  it('a run refuses with a readable message and writes nothing', () => {
    const gas = school({ inDocument: false });
    expect(() => analyseAndWrite(gas.ss)).toThrow(S.menu.lockUnavailable);
    expect(() => runStepAndWrite(gas.ss, 'analysis')).toThrow(S.menu.lockUnavailable);
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
  });
});

describe('momentary «Service Spreadsheets failed» errors', () => {
  /** Every generated tab's values, by name. */
  const state = (gas: FakeGas) => new Map(gas.ss.tabNames().map((n) => [n, gas.ss.tab(n).snapshot()]));

  it('whatever call fails, each tab is its old version or its complete new one, never half-written; the next run ends clean', () => {
    const clean = school();
    analyseAndWrite(clean.ss);
    clean.ss
      .tab('Протокол')
      .getRange(2, 1, 1, 1)
      .setValues([['111']]);
    const before = state(clean);
    analyseAndWrite(clean.ss);
    const after = state(clean);
    // The edit changes generated tabs, so an old version can be told from a new one.
    expect([...after].filter(([n, v]) => isGeneratedTab(n) && JSON.stringify(v) !== JSON.stringify(before.get(n))).length).toBeGreaterThan(
      0,
    );

    const outcomes: string[] = [];
    for (const every of [7, 23, 61, 149, 211]) {
      const gas = school();
      analyseAndWrite(gas.ss);
      gas.ss
        .tab('Протокол')
        .getRange(2, 1, 1, 1)
        .setValues([['111']]);
      const sheets = new Map(gas.ss.tabNames().map((n) => [n, gas.ss.tab(n)]));
      gas.log.reset();
      gas.log.failEvery(every, 3);
      let message = '';
      try {
        analyseAndWrite(gas.ss);
      } catch (e) {
        message = (e as Error).message;
      }
      outcomes.push(message ? 'refused' : 'written');
      gas.log.reset();
      if (message) expect(message, `every ${every}`).toMatch(/^Не удалось записать вкладку|Service Spreadsheets failed/);
      expect(
        gas.ss.tabNames().filter((n) => n.startsWith('~ОКО~')),
        `every ${every}`,
      ).toEqual([]);
      for (const [name, values] of state(gas)) {
        if (!isGeneratedTab(name)) continue;
        const ok =
          JSON.stringify(values) === JSON.stringify(before.get(name)) || JSON.stringify(values) === JSON.stringify(after.get(name));
        expect(ok, `every ${every}: ${name}`).toBe(true);
        expect(gas.ss.tab(name), `every ${every}: ${name} keeps its sheet`).toBe(sheets.get(name));
      }
      analyseAndWrite(gas.ss);
      expect(state(gas), `every ${every}`).toEqual(after);
    }
    // Both kinds happened: failures while building (refused, old tabs kept) and during swaps (retried, written).
    expect(new Set(outcomes)).toEqual(new Set(['refused', 'written']));
    expect(SERVICE_FAILED).toBe('Service Spreadsheets failed while accessing document.');
  });
});

describe('tab names', () => {
  it('the fake refuses what Sheets refuses: empty or blank, over 100 characters, line breaks, a duplicate in any case', () => {
    const gas = school();
    for (const bad of ['', '   ', 'х'.repeat(101), 'две\nстроки', 'протокол']) {
      expect(() => gas.ss.insertSheet(bad, 0), JSON.stringify(bad)).toThrow(/Invalid sheet name|already exists/);
    }
    expect(gas.ss.insertSheet('х'.repeat(100), 0)).toBeInstanceOf(FakeSheet);
  });

  it('every tab name ОКО writes — and every temporary name — passes them', () => {
    const gas = school();
    const run = runAnalysis(readSpreadsheet(gas.ss).workbook);
    const names = [...run.tabs, ...run.write.ensure].map((t) => t.name);
    expect(names.length).toBeGreaterThan(5);
    for (const n of [...names, ...names.map(tempName), tempName('х'.repeat(100))]) expect(sheetNameProblem(n), n).toBeNull();
  });
});
