// Builders Apps Script hands out (text styles, validations, conditional rules, charts). They make
// local objects; their calls are counted as "builder", not as document calls.
import type {
  ChartBuilderLike,
  ChartLike,
  ConditionalRuleLike,
  DataValidationLike,
  FilterCriteriaBuilderLike,
  FilterCriteriaLike,
  RangeLike,
  RuleBuilderLike,
  TextStyleBuilderLike,
  TextStyleLike,
  ValidationBuilderLike,
} from '../../src/sheets/surface';
import type { CallLog } from './calls';

export class FakeTextStyle implements TextStyleLike {
  constructor(
    readonly bold: boolean | null,
    readonly italic: boolean | null,
    readonly color: string | null,
  ) {}
  isBold(): boolean | null {
    return this.bold;
  }
}

export class FakeTextStyleBuilder implements TextStyleBuilderLike {
  private bold: boolean | null = null;
  private italic: boolean | null = null;
  private color: string | null = null;
  constructor(private readonly log: CallLog) {}
  setBold(bold: boolean): this {
    this.log.hit('builder', 'TextStyleBuilder.setBold');
    this.bold = bold;
    return this;
  }
  setItalic(italic: boolean): this {
    this.log.hit('builder', 'TextStyleBuilder.setItalic');
    this.italic = italic;
    return this;
  }
  setForegroundColor(cssString: string): this {
    this.log.hit('builder', 'TextStyleBuilder.setForegroundColor');
    this.color = cssString;
    return this;
  }
  build(): FakeTextStyle {
    this.log.hit('builder', 'TextStyleBuilder.build');
    return new FakeTextStyle(this.bold, this.italic, this.color);
  }
}

export class FakeDataValidation implements DataValidationLike {
  constructor(
    readonly list: readonly string[],
    readonly showDropdown: boolean,
    readonly allowInvalid: boolean,
  ) {}
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
}

export class FakeDataValidationBuilder implements ValidationBuilderLike {
  private list: string[] | null = null;
  private showDropdown = true;
  private allowInvalid = true;
  constructor(private readonly log: CallLog) {}
  requireValueInList(values: string[], showDropdown: boolean): this {
    this.log.hit('builder', 'DataValidationBuilder.requireValueInList');
    this.list = [...values];
    this.showDropdown = showDropdown;
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    this.log.hit('builder', 'DataValidationBuilder.setAllowInvalid');
    this.allowInvalid = allowInvalidData;
    return this;
  }
  build(): FakeDataValidation {
    this.log.hit('builder', 'DataValidationBuilder.build');
    if (!this.list) throw new Error('You must specify a data validation criteria before building.');
    return new FakeDataValidation(this.list, this.showDropdown, this.allowInvalid);
  }
}

export class FakeConditionalRule implements ConditionalRuleLike {
  constructor(
    readonly formula: string,
    readonly ranges: RangeLike[],
    readonly background: string | null,
    readonly fontColor: string | null,
    readonly bold: boolean | null,
  ) {}
  getRanges(): RangeLike[] {
    return this.ranges;
  }
  getBooleanCondition(): { getCriteriaValues(): unknown[] } {
    return { getCriteriaValues: () => [this.formula] };
  }
}

export class FakeConditionalRuleBuilder implements RuleBuilderLike {
  private formula: string | null = null;
  private ranges: RangeLike[] = [];
  private background: string | null = null;
  private fontColor: string | null = null;
  private bold: boolean | null = null;
  constructor(private readonly log: CallLog) {}
  whenFormulaSatisfied(formula: string): this {
    this.log.hit('builder', 'ConditionalFormatRuleBuilder.whenFormulaSatisfied');
    this.formula = formula;
    return this;
  }
  setBackground(color: string | null): this {
    this.log.hit('builder', 'ConditionalFormatRuleBuilder.setBackground');
    this.background = color;
    return this;
  }
  setFontColor(color: string | null): this {
    this.log.hit('builder', 'ConditionalFormatRuleBuilder.setFontColor');
    this.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): this {
    this.log.hit('builder', 'ConditionalFormatRuleBuilder.setBold');
    this.bold = bold;
    return this;
  }
  setRanges(ranges: RangeLike[]): this {
    this.log.hit('builder', 'ConditionalFormatRuleBuilder.setRanges');
    this.ranges = [...ranges];
    return this;
  }
  build(): FakeConditionalRule {
    this.log.hit('builder', 'ConditionalFormatRuleBuilder.build');
    if (!this.formula || this.ranges.length === 0) throw new Error('A conditional format rule needs a condition and at least one range.');
    return new FakeConditionalRule(this.formula, this.ranges, this.background, this.fontColor, this.bold);
  }
}

export type FakeChartType = 'column' | 'bar' | 'line' | 'pie' | null;

export class FakeChart implements ChartLike {
  constructor(
    readonly type: FakeChartType,
    readonly ranges: RangeLike[],
    readonly numHeaders: number,
    readonly position: { row: number; col: number; x: number; y: number } | null,
    readonly options: Record<string, unknown>,
  ) {}
  getNumHeaders(): number {
    return this.numHeaders;
  }
}

export class FakeChartBuilder implements ChartBuilderLike {
  private type: FakeChartType = null;
  private ranges: RangeLike[] = [];
  private numHeaders = -1;
  private position: { row: number; col: number; x: number; y: number } | null = null;
  private readonly options: Record<string, unknown> = {};
  constructor(private readonly log: CallLog) {}
  private as(type: FakeChartType, method: string): this {
    this.log.hit('builder', `EmbeddedChartBuilder.${method}`);
    this.type = type;
    return this;
  }
  asColumnChart(): this {
    return this.as('column', 'asColumnChart');
  }
  asBarChart(): this {
    return this.as('bar', 'asBarChart');
  }
  asLineChart(): this {
    return this.as('line', 'asLineChart');
  }
  asPieChart(): this {
    return this.as('pie', 'asPieChart');
  }
  addRange(range: RangeLike): this {
    this.log.hit('builder', 'EmbeddedChartBuilder.addRange');
    this.ranges.push(range);
    return this;
  }
  setNumHeaders(headers: number): this {
    this.log.hit('builder', 'EmbeddedChartBuilder.setNumHeaders');
    this.numHeaders = headers;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.log.hit('builder', 'EmbeddedChartBuilder.setPosition');
    this.position = { row: anchorRowPos, col: anchorColPos, x: offsetX, y: offsetY };
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.log.hit('builder', 'EmbeddedChartBuilder.setOption');
    this.options[option] = value;
    return this;
  }
  build(): FakeChart {
    this.log.hit('builder', 'EmbeddedChartBuilder.build');
    return new FakeChart(this.type, this.ranges, this.numHeaders, this.position, { ...this.options });
  }
}

export class FakeFilterCriteria implements FilterCriteriaLike {
  constructor(
    readonly hidden: string[],
    /** Set by setVisibleValues: grid-sheet filters refuse it, as Sheets does. */
    readonly visible: string[] | null,
  ) {}
  getHiddenValues(): string[] {
    return [...this.hidden];
  }
}

export class FakeFilterCriteriaBuilder implements FilterCriteriaBuilderLike {
  private hidden: string[] = [];
  private visible: string[] | null = null;
  constructor(private readonly log: CallLog) {}
  setHiddenValues(values: string[]): this {
    this.log.hit('builder', 'FilterCriteriaBuilder.setHiddenValues');
    this.hidden = [...values];
    this.visible = null;
    return this;
  }
  setVisibleValues(values: string[]): this {
    this.log.hit('builder', 'FilterCriteriaBuilder.setVisibleValues');
    this.visible = [...values];
    this.hidden = [];
    return this;
  }
  build(): FakeFilterCriteria {
    this.log.hit('builder', 'FilterCriteriaBuilder.build');
    return new FakeFilterCriteria(this.hidden, this.visible);
  }
}
