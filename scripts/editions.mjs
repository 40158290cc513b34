// The editions of the add-on, as data: each is its own Apps Script project, built into its own folder
// dist/<id>/ (none inside another's), with its own manifest and clasp project file. The build
// (scripts/build.mjs), the push command (scripts/push.mjs) and the tests (test/bundle/clasp.test.ts)
// all loop over this table.
export const EDITIONS = [
  {
    id: 'school',
    title: 'школа',
    /** Exports `topLevel`: every function Apps Script calls by name. */
    entry: 'src/server/index.ts',
    global: 'OKO',
    sidebar: { dir: 'sidebar', styles: ['sidebar/styles.css'] },
  },
  {
    id: 'municipal',
    title: 'район',
    entry: 'src/server/municipal/index.ts',
    global: 'OKO_MUNICIPAL',
    sidebar: { dir: 'sidebar/municipal', title: 'ОКО · район', styles: ['sidebar/styles.css', 'sidebar/municipal/styles.css'] },
  },
  {
    id: 'digest',
    title: 'школа + рассылка',
    entry: 'src/server/digest/index.ts',
    global: 'OKO_DIGEST',
    // The school's panel: the digest edition is the school edition plus mail.
    sidebar: { dir: 'sidebar', styles: ['sidebar/styles.css'] },
  },
];

/** Where an edition is built: a folder of its own, the root of its clasp project. */
export const editionDir = (root, id) => `${root}/dist/${id}`;

/** The placeholder a fresh .clasp.json carries until the maintainer writes the real script id. */
export const PLACEHOLDER_SCRIPT_ID = /^REPLACE_WITH/;
