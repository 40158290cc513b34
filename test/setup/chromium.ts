// Global setup of the browser tests: finds a Chromium once, before the workers start (unpacking the npm
// one here keeps parallel test files from racing on it), and hands its path to the tests through
// inject('chromium').
import type { TestProject } from 'vitest/node';
import { type ChromiumFound, findChromium } from '../browser/find-chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumFound;
  }
}

export async function setup(project: TestProject): Promise<void> {
  project.provide('chromium', await findChromium());
}
