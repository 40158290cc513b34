// `npm run preview`: the built sidebar in a real browser, without Google. A local HTTP server serves
// dist/school/Sidebar.html with a google.script.run shim wired to the same server functions (dist/school/Code.js over
// the in-memory SpreadsheetApp fake) holding the sample school, beside a read-only view of its tabs.
// «Справка и ИОМ в Google Документах» works against the fake Drive service of the tests (the links it
// shows lead nowhere: nothing is uploaded).
//   npm run preview                 http://127.0.0.1:8765/
//   npm run preview -- --empty      an empty spreadsheet: the first run, «Открыть пример школы»
//   npm run preview -- --port 9000 --host 0.0.0.0
import { parseArgs } from 'node:util';
import { createBackend, sampleBackend } from '../test/browser/backend';
import { startPreviewServer } from '../test/browser/server';
import { fakeDocServices } from '../test/docs/fake-drive';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8765' },
    host: { type: 'string', default: '127.0.0.1' },
    empty: { type: 'boolean', default: false },
  },
});
const docs = fakeDocServices();
const backend = values.empty ? createBackend('Новая таблица', [{ name: 'Лист1', rows: [] }], docs) : sampleBackend(docs);
const preview = await startPreviewServer(backend, { port: Number(values.port), host: values.host });
process.stdout.write(
  `ОКО · предпросмотр панели без Google: ${preview.url}\n` +
    `  таблица: «${backend.gas.ss.getName()}» (${values.empty ? 'пустая' : 'пример школы'} в памяти; изменения пропадут при остановке)\n` +
    '  остановить: Ctrl+C\n',
);
const stop = () => void preview.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
