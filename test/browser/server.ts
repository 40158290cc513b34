// The preview server (node:http, no dependencies): the built sidebar with a google.script.run shim that
// calls the server functions of the local backend over HTTP, beside a read-only view of the workbook.
//   /            the sidebar (300 px, right) and the workbook (left), as in Google Sheets
//   /sidebar     dist/school/Sidebar.html, unchanged except for the shim's <script> in <head>
//   /shim.js     google.script.run → POST /api/call
//   /book?tab=…  the workbook as HTML
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIDEBAR } from '../bundle/load';
import type { LocalBackend } from './backend';
import { bookHtml, escapeHtml } from './book';

/** google.script.run as the sidebar sees it: chained handlers, any function name, results after a round trip. */
export const SHIM = `(function () {
  function notify() { try { window.parent.postMessage({ oko: 'changed' }, '*'); } catch (e) {} }
  function runner(ok, fail) {
    return new Proxy({}, { get: function (_, name) {
      if (name === 'withSuccessHandler') return function (h) { return runner(h, fail); };
      if (name === 'withFailureHandler') return function (h) { return runner(ok, h); };
      if (name === 'withUserObject') return function () { return runner(ok, fail); };
      return function () {
        var args = Array.prototype.slice.call(arguments);
        fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: String(name), args: args }) })
          .then(function (r) { return r.json(); })
          .then(function (res) { notify(); if (res.ok) { if (ok) ok(res.value); } else if (fail) fail(new Error(res.message)); })
          .catch(function (e) { if (fail) fail(new Error('NetworkError: ' + e.message)); });
      };
    } });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {}, setHeight: function () {}, setWidth: function () {} } } };
})();`;

function framePage(title: string): string {
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>ОКО — предпросмотр: ${escapeHtml(title)}</title><style>
html,body{height:100%;margin:0;font:13px system-ui,sans-serif}
.wrap{display:flex;height:100%}
#book{flex:1;border:0;border-right:1px solid #dadce0;min-width:0}
aside{width:300px;display:flex;flex-direction:column}
aside header{padding:8px 12px;border-bottom:1px solid #dadce0;font-weight:600}
#sidebar{flex:1;border:0;width:300px}
</style></head><body><div class="wrap">
<iframe id="book" title="Таблица (только чтение)" src="/book"></iframe>
<aside><header>Расширения → ОКО</header><iframe id="sidebar" title="Панель ОКО" src="/sidebar"></iframe></aside>
</div><script>
window.addEventListener('message', function (e) {
  if (!e.data || e.data.oko !== 'changed') return;
  var book = document.getElementById('book');
  var url = new URL(book.contentWindow.location.href);
  url.searchParams.delete('tab');
  book.src = url.pathname + url.search;
});
</script></body></html>`;
}

export interface PreviewServer {
  url: string;
  server: Server;
  backend: LocalBackend;
  /** Milliseconds each server call waits before answering (to watch buttons disabled in tests). */
  latencyMs: number;
  setBackend(b: LocalBackend): void;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(text);
}

export async function startPreviewServer(
  backend: LocalBackend,
  /** sidebar: the panel's built file (default dist/school/Sidebar.html; the district's is dist/municipal/Sidebar.html). */
  opts: { port?: number; host?: string; sidebar?: string } = {},
): Promise<PreviewServer> {
  const host = opts.host ?? '127.0.0.1';
  const state = { backend, latencyMs: 0 };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void (async () => {
      try {
        if (req.method === 'POST' && url.pathname === '/api/call') {
          const { name, args } = JSON.parse(await body(req)) as { name: string; args: unknown[] };
          if (state.latencyMs > 0) await new Promise((r) => setTimeout(r, state.latencyMs));
          send(res, 200, 'application/json', JSON.stringify(state.backend.call(String(name), Array.isArray(args) ? args : [])));
        } else if (url.pathname === '/') {
          send(res, 200, 'text/html', framePage(state.backend.gas.ss.getName()));
        } else if (url.pathname === '/sidebar') {
          const html = readFileSync(opts.sidebar ?? SIDEBAR, 'utf8');
          send(res, 200, 'text/html', html.replace('<head>', '<head>\n<script src="/shim.js"></script>'));
        } else if (url.pathname === '/shim.js') {
          send(res, 200, 'text/javascript', SHIM);
        } else if (url.pathname === '/favicon.ico') {
          res.writeHead(204).end();
        } else if (url.pathname === '/book') {
          send(res, 200, 'text/html', bookHtml(state.backend.gas.ss, url.searchParams.get('tab')));
        } else {
          send(res, 404, 'text/plain', 'Не найдено');
        }
      } catch (e) {
        send(res, 500, 'text/plain', e instanceof Error ? e.message : String(e));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    server,
    get backend() {
      return state.backend;
    },
    get latencyMs() {
      return state.latencyMs;
    },
    set latencyMs(ms: number) {
      state.latencyMs = ms;
    },
    setBackend(b) {
      state.backend = b;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
