// Types of ./editions.mjs for the TypeScript that reads it (tests).
export interface EditionDef {
  id: string;
  title: string;
  entry: string;
  global: string;
  sidebar: { dir: string; styles: string[] };
}
export const EDITIONS: readonly EditionDef[];
export function editionDir(root: string, id: string): string;
export const PLACEHOLDER_SCRIPT_ID: RegExp;
