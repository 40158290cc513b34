// Types of ./push.mjs for the TypeScript that reads it (tests).
export function claspArgs(id: string, command: string): string[];
export const CLASP: string;
