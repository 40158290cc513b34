// `npm run preview`: the built sidebar in a real browser, without Google. A local HTTP server serves
// dist/school/Sidebar.html with a google.script.run shim wired to the same server functions (dist/school/Code.js over
// the in-memory SpreadsheetApp fake) holding the sample school, beside a read-only view of its tabs.
//   npm run preview                 http://127.0.0.1:8765/
//   npm run preview -- --port 9000 --host 0.0.0.0
import { parseArgs } from 'node:util';
import { sampleBackend } from '../test/browser/backend';
import { startPreviewServer } from '../test/browser/server';

const { values } = parseArgs({ options: { port: { type: 'string', default: '8765' }, host: { type: 'string', default: '127.0.0.1' } } });
const backend = sampleBackend();
const preview = await startPreviewServer(backend, { port: Number(values.port), host: values.host });
process.stdout.write(
  `ОКО · предпросмотр панели без Google: ${preview.url}\n` +
    `  таблица: «${backend.gas.ss.getName()}» (пример школы в памяти; изменения пропадут при остановке)\n` +
    '  остановить: Ctrl+C\n',
);
const stop = () => void preview.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
