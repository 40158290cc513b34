// At-risk rows highlighted in the user's results sheets: rules only, the user's own rules kept and
// first, ours replaced (never piled up) on each run, and removed by «Снять подсветку».
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLOR } from '../../src/core/output/highlight';
import { S } from '../../src/core/strings';
import { analyseAndWrite, removeHighlights } from '../../src/server/analyze';
import { menuUnhighlight } from '../../src/server/handlers';
import { runStepAndWrite } from '../../src/server/steps';
import { FakeConditionalRule, type FakeRange } from '../fakes';
import { smallProtocol } from './fixtures';
import { fakeGas } from './setup';

function withUserRule() {
  const gas = fakeGas();
  const protocol = gas.ss.addSheet('Протокол', smallProtocol());
  const mine = new FakeConditionalRule('=$H2>5', [protocol.getRange(2, 8, 5, 1)], '#00ff00', null, null);
  protocol.rules = [mine];
  return { gas, protocol, mine };
}

describe('highlighting at-risk rows', () => {
  it('the risk step adds its rule after the user\u2019s own, and replaces it on the next run', () => {
    const { gas, protocol, mine } = withUserRule();
    runStepAndWrite(gas.ss, 'analysis');
    const first = runStepAndWrite(gas.ss, 'risk');
    expect(first.highlights?.sheets).toEqual(['Протокол']);
    expect(protocol.rules[0]).toBe(mine);
    expect(protocol.rules).toHaveLength(2);
    const ours = protocol.rules[1] as FakeConditionalRule;
    expect(ours.formula).toMatch(/^=AND\(N\("ОКО"\)=0,COUNTIF\(INDIRECT\("'Группа риска'!\$P:\$P"\),"=Протокол\|"&\$A2\)>0\)$/);
    expect(ours.background).toBe(HIGHLIGHT_COLOR);
    expect((ours.ranges[0] as FakeRange).a1).toBe('A2:H6');
    // Values are untouched.
    expect(protocol.snapshot()).toEqual(smallProtocol());

    runStepAndWrite(gas.ss, 'risk');
    analyseAndWrite(gas.ss);
    expect(protocol.rules).toHaveLength(2);
    expect(protocol.rules[0]).toBe(mine);
  });

  it('only the risk step highlights; the other steps leave the user\u2019s sheets alone', () => {
    const { gas, protocol } = withUserRule();
    gas.log.reset();
    runStepAndWrite(gas.ss, 'analysis');
    runStepAndWrite(gas.ss, 'objectivity');
    expect(gas.log.count('Sheet.getConditionalFormatRules')).toBe(0);
    expect(protocol.rules).toHaveLength(1);
  });

  it('«Снять подсветку» removes only the add-on\u2019s rules', () => {
    const { gas, protocol, mine } = withUserRule();
    analyseAndWrite(gas.ss);
    expect(protocol.rules).toHaveLength(2);
    menuUnhighlight();
    expect(protocol.rules).toEqual([mine]);
    expect(gas.ss.toasts.at(-1)?.msg).toBe(S.menu.unhighlightDone(1));
    expect(removeHighlights(gas.ss)).toBe(0);
    // Nothing to change: one read of the rules per user sheet, no write.
    gas.log.reset();
    removeHighlights(gas.ss);
    expect(gas.log.count('Sheet.setConditionalFormatRules')).toBe(0);
    expect(gas.log.count('Sheet.getConditionalFormatRules')).toBe(2);
  });
});
