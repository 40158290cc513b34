/// <reference types="google-apps-script" />
// The one compile-time proof that Google's real objects fit the narrow surfaces the adapters are
// written against (./surface.ts for every edition, ./municipal/surface.ts, ./digest/surface.ts): the
// fakes implement the same interfaces, so a fake cannot drift from Google's API unnoticed. A new
// interface in any surface gets its line here.
import type { DigestPropertiesServiceLike, DigestSpreadsheetAppLike, MailLike, WeeklyScriptAppLike } from './digest/surface';
import type { DocumentPropertiesServiceLike, ScriptAppLike, SheetsApiLike, SleeperLike } from './municipal/surface';
import type {
  ChartBuilderLike,
  FilterCriteriaBuilderLike,
  FilterCriteriaLike,
  FilterLike,
  HtmlServiceLike,
  LockServiceLike,
  MenuLike,
  PropertiesLike,
  PropertiesServiceLike,
  RangeLike,
  RangeListLike,
  RuleBuilderLike,
  SheetLike,
  SpreadsheetAppLike,
  SpreadsheetLike,
  TextStyleBuilderLike,
  UiLike,
  UtilitiesLike,
  ValidationBuilderLike,
} from './surface';

type Fits<Real, Surface> = [Real] extends [Surface] ? true : false;
type Assert<T extends true> = T;

export type SurfaceChecks = [
  Assert<Fits<GoogleAppsScript.Spreadsheet.Range, RangeLike>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.RangeList, RangeListLike>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.Sheet, SheetLike>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetLike>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, ChartBuilderLike>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.TextStyleBuilder, TextStyleBuilderLike>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.DataValidationBuilder, ValidationBuilderLike>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, RuleBuilderLike>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.Filter, FilterLike>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.FilterCriteria, FilterCriteriaLike>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder, FilterCriteriaBuilderLike>>,
  Assert<Fits<GoogleAppsScript.Properties.PropertiesService, PropertiesServiceLike>>,
  Assert<Fits<GoogleAppsScript.Properties.Properties, PropertiesLike>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.SpreadsheetApp, SpreadsheetAppLike>>,
  Assert<Fits<GoogleAppsScript.Base.Ui, UiLike>>,
  Assert<Fits<GoogleAppsScript.Base.Menu, MenuLike>>,
  Assert<Fits<GoogleAppsScript.HTML.HtmlService, HtmlServiceLike>>,
  Assert<Fits<GoogleAppsScript.Lock.LockService, LockServiceLike>>,
  Assert<Fits<GoogleAppsScript.Utilities.Utilities, UtilitiesLike>>,
  Assert<Fits<GoogleAppsScript.Utilities.Utilities, SleeperLike>>,
  Assert<Fits<GoogleAppsScript.Properties.PropertiesService, DocumentPropertiesServiceLike>>,
  Assert<Fits<GoogleAppsScript.Script.ScriptApp, ScriptAppLike>>,
  Assert<Fits<GoogleAppsScript.Sheets, SheetsApiLike>>,
  Assert<Fits<GoogleAppsScript.Mail.MailApp, MailLike>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.SpreadsheetApp, DigestSpreadsheetAppLike>>,
  Assert<Fits<GoogleAppsScript.Properties.PropertiesService, DigestPropertiesServiceLike>>,
  Assert<Fits<GoogleAppsScript.Script.ScriptApp, WeeklyScriptAppLike>>,
];
