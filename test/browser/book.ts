// A read-only HTML view of the fake spreadsheet for the preview: the tabs, the values of one tab with
// its backgrounds and bold text, rows a filter hides left out (and counted), the active cell marked.
// Every value is escaped: the workbook holds user data.
import type { FakeSheet, FakeSpreadsheet } from '../fakes';
import { displayValue } from '../fakes';

const MAX_ROWS = 400;
const MAX_COLS = 40;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function tabLinks(ss: FakeSpreadsheet, current: string): string {
  return ss
    .tabNames()
    .map((name) => {
      const sheet = ss.tab(name);
      const cls = [name === current ? 'current' : '', sheet.hidden ? 'hidden' : '', sheet.filter ? 'filtered' : '']
        .filter(Boolean)
        .join(' ');
      const marks = `${sheet.hidden ? ' (скрыта)' : ''}${sheet.filter ? ' (фильтр)' : ''}`;
      return `<a class="${cls}" href="?tab=${encodeURIComponent(name)}">${escapeHtml(name)}${marks}</a>`;
    })
    .join('');
}

function table(ss: FakeSpreadsheet, sheet: FakeSheet): string {
  const { rows, cols } = sheet.usedSize();
  const active = ss.active?.sheet === sheet ? ss.active.a1.split(':')[0] : null;
  const shownCols = Math.min(cols, MAX_COLS);
  const head = `<tr><th></th>${Array.from({ length: shownCols }, (_, c) => `<th>${columnLetters(c + 1)}</th>`).join('')}</tr>`;
  const body: string[] = [];
  let filtered = 0;
  for (let r = 1; r <= rows && body.length < MAX_ROWS; r++) {
    if (sheet.filter?.hides(r)) {
      filtered++;
      continue;
    }
    const cells: string[] = [];
    for (let c = 1; c <= shownCols; c++) {
      const cell = sheet.peek(r, c);
      const a1 = `${columnLetters(c)}${r}`;
      const style = [cell?.background ? `background:${cell.background}` : '', cell?.textStyle?.bold ? 'font-weight:600' : '']
        .filter(Boolean)
        .join(';');
      const text = cell?.formula ?? displayValue(cell);
      cells.push(
        `<td${a1 === active ? ' class="active" id="active"' : ''}${style ? ` style="${escapeHtml(style)}"` : ''}>${escapeHtml(text)}</td>`,
      );
    }
    body.push(`<tr><th>${r}</th>${cells.join('')}</tr>`);
  }
  const notes = [
    sheet.filter ? `Фильтр: скрыто строк — ${filtered}.` : '',
    rows > MAX_ROWS ? `Показаны первые ${MAX_ROWS} строк из ${rows}.` : '',
    cols > MAX_COLS ? `Показаны первые ${MAX_COLS} столбцов из ${cols}.` : '',
  ].filter(Boolean);
  return `${notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}<table><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`;
}

export function bookHtml(ss: FakeSpreadsheet, tab: string | null): string {
  const names = ss.tabNames();
  const current = tab && names.includes(tab) ? tab : (ss.active?.sheet.title ?? names[0] ?? '');
  const sheet = current ? ss.tab(current) : null;
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(current)}</title><style>
body{margin:0;font:12px/1.4 system-ui,sans-serif;color:#202124}
nav{position:sticky;top:0;display:flex;gap:2px;padding:4px;overflow-x:auto;white-space:nowrap;background:#f1f3f4;border-bottom:1px solid #dadce0;z-index:2}
nav a{padding:3px 8px;border-radius:4px;color:#202124;text-decoration:none;background:#fff;border:1px solid #dadce0}
nav a.current{background:#e8f0fe;border-color:#1a73e8;font-weight:600}nav a.hidden{opacity:.55;font-style:italic}
table{border-collapse:collapse;margin:4px}td,th{border:1px solid #e0e0e0;padding:2px 6px;white-space:nowrap;max-width:360px;overflow:hidden;text-overflow:ellipsis}
th{background:#f8f9fa;color:#5f6368;font-weight:400}td.active{outline:2px solid #1a73e8;outline-offset:-2px}.note{margin:6px;color:#5f6368}
</style></head><body><nav aria-label="Листы">${tabLinks(ss, current)}</nav>${sheet ? table(ss, sheet) : ''}
<script>var c=document.querySelector('nav a.current');if(c)c.parentElement.scrollLeft=c.offsetLeft-120;document.getElementById('active')?.scrollIntoView({block:'center',inline:'center'});</script></body></html>`;
}
