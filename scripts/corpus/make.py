#!/usr/bin/env python3
"""Builds test/corpus/: school workbooks as other programs make them (openpyxl, xlsxwriter,
LibreOffice, hand edits), .xls/.ods/.csv in several encodings, broken and encrypted files.

Run ONCE (the files are committed; tests never need these tools):
    apt-get install -y libreoffice-calc-nogui python3-openpyxl python3-xlsxwriter python3-uno
    npm run build && /usr/bin/python3 scripts/corpus/make.py
(the encrypted .xlsx is made by officecrypto-tool from npm, installed into a temporary folder)

Every file is listed in test/corpus/manifest.json with the twin whose numbers it must give, or the
refusal it must get. The twins themselves are in test/corpus/twins.json.
"""
import csv
import datetime
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
import xlsxwriter
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.formatting.rule import CellIsRule

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.path.join(ROOT, 'test', 'corpus')
FILES = os.path.join(OUT, 'files')
TMP = tempfile.mkdtemp(prefix='oko-corpus-')
MANIFEST = []

# ---- the twins: the clean data every file must give back -------------------------------------------
# «small» is the hand-checked fixture of test/helpers/grids.ts (test/core/analysis.test.ts has the
# hand computation); «csv» is its results sheet alone, with a title line above the table (a .csv has
# one sheet and no sheet name to carry the subject and grade).
SHEET = 'ВПР Математика 5 класс'
FORM = [
    ['Код участника', 'Вариант', '1 (1б)', '2 (2б)', '3 (3б)', 'Порядковый номер класса',
     'Отметка за предыдущий триместр/ четверть/полугодие', 'Итого баллов'],
    [101, 1, 1, 2, 3, 1, 5, 6],
    [102, 2, 0, 1, 'X', 1, 3, 1],
    [103, 1, 1, 0, 1, 1, 4, 2],
    [104, 'отсутствовал', None, None, None, 1, 4, 0],
    [201, 1, 0, 2, 2, 2, 'нет отметки', 4],
    [202, 2, 1, 'X', 0, 2, 2, 1],
    [None, None, None, None, None, None, None, 0],
    [None, None, None, None, None, None, None, 0],
]
CLASSES = [['Номер', 'Класс'], [1, '5А'], [2, '5Б']]
PLAN = [['Задание', 'Макс. балл', 'Уровень', 'Умение'], ['1', 1, 'Б', 'Вычисления'], ['2', 2, 'Б', 'Вычисления'],
        ['3', 3, 'П', 'Текстовые задачи']]
SCALE = [['Предмет', 'Класс', '3', '4', '5'], ['Математика', 5, 2, 4, 6]]
SMALL = [(SHEET, FORM), ('Классы', CLASSES), ('План заданий', PLAN), ('Шкала отметок', SCALE)]
TITLE = 'ВПР 2026. Математика, 5 класс'
CSV_ROWS = [[TITLE]] + FORM


def rows_trimmed(rows):
    out = []
    for r in rows:
        r = list(r)
        while r and r[-1] is None:
            r.pop()
        out.append(r)
    while out and not out[-1]:
        out.pop()
    return out


def add(name, program, twin=None, refuse=None, features=(), note=''):
    item = {'file': name, 'program': program}
    if twin:
        item['twin'] = twin
    if refuse:
        item['refuse'] = refuse
    if features:
        item['features'] = list(features)
    if note:
        item['note'] = note
    MANIFEST.append(item)


def path(name):
    return os.path.join(FILES, name)


def tmp(name):
    return os.path.join(TMP, name)


def soffice(target, files, outdir, infilter=None):
    """One LibreOffice run converts several files (its start-up is the slow part)."""
    os.makedirs(outdir, exist_ok=True)
    extra = [f'--infilter={infilter}'] if infilter else []
    subprocess.run(['soffice', '--headless', '--norestore', *extra, '--convert-to', target, '--outdir', outdir, *files],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)


# ---- openpyxl ------------------------------------------------------------------------------------------

def opx_book(sheets=SMALL, title_row=False):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        if title_row and name == SHEET:
            ws.append([TITLE])
        for r in rows:
            ws.append(list(r))
    return wb


def make_openpyxl():
    prog = f'openpyxl {openpyxl.__version__}'
    wb = opx_book()
    wb.save(path('openpyxl-plain.xlsx'))
    add('openpyxl-plain.xlsx', prog, twin='small')

    # A cell note (comment) — ExcelJS crashed on these («reading 'comments'»).
    wb = opx_book()
    ws = wb[SHEET]
    ws['A1'].comment = Comment('Коды из протокола ФИС ОКО', 'Завуч')
    ws['H3'].comment = Comment('Проверить: 1 балл?', 'Учитель')
    wb.save(path('openpyxl-comments.xlsx'))
    add('openpyxl-comments.xlsx', prog, twin='small', features=['comments'])

    # Dropdowns (data validation) on the marks column, and defined names (global and sheet-scoped).
    wb = opx_book()
    ws = wb[SHEET]
    dv = DataValidation(type='list', formula1='"2,3,4,5,нет отметки"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add('G2:G9')
    wb.defined_names.append(DefinedName('Баллы', attr_text=f"'{SHEET}'!$C$2:$E$9"))
    wb.defined_names.append(DefinedName('Классы_список', attr_text="'Классы'!$B$2:$B$3"))
    wb.defined_names.append(DefinedName('_xlnm.Print_Area', localSheetId=0, attr_text=f"'{SHEET}'!$A$1:$H$9"))
    wb.save(path('openpyxl-dropdowns-names.xlsx'))
    add('openpyxl-dropdowns-names.xlsx', prog, twin='small', features=['dropdowns', 'definedNames'])

    # A merged title above the table, bold header, fills, wrap, frozen header, the user's own rule.
    wb = opx_book(title_row=True)
    ws = wb[SHEET]
    ws.merge_cells('A1:H1')
    ws['A1'].font = Font(bold=True, size=14)
    for c in ws[2]:
        c.font = Font(bold=True)
        c.fill = PatternFill('solid', fgColor='DDEBF7')
        c.alignment = Alignment(wrap_text=True)
    ws.freeze_panes = 'A3'
    ws.conditional_formatting.add('H3:H10', CellIsRule(operator='lessThan', formula=['2'], fill=PatternFill('solid', bgColor='FFC7CE')))
    wb.save(path('openpyxl-merged-title.xlsx'))
    add('openpyxl-merged-title.xlsx', prog, twin='small', features=['merges', 'userRules'])

    # The school's own chart on another sheet — ExcelJS crashed on these («reading 'anchors'»).
    wb = opx_book()
    ch = wb.create_sheet('Диаграмма')
    ch.append(['Класс', 'Средний балл'])
    ch.append(['5А', 3.0])
    ch.append(['5Б', 2.5])
    chart = BarChart()
    chart.title = 'Средний балл по классам'
    chart.add_data(Reference(ch, min_col=2, min_row=1, max_row=3), titles_from_data=True)
    chart.set_categories(Reference(ch, min_col=1, min_row=2, max_row=3))
    ch.add_chart(chart, 'D2')
    wb.save(path('openpyxl-chart.xlsx'))
    add('openpyxl-chart.xlsx', prog, twin='small', features=['chart'])

    # Sheets in another order, a hidden sheet, an empty sheet, a protected sheet.
    wb = opx_book([('Классы', CLASSES), ('Пустой', []), (SHEET, FORM), ('План заданий', PLAN), ('Шкала отметок', SCALE)])
    wb['Пустой'].sheet_state = 'hidden'
    wb[SHEET].protection.sheet = True
    wb.save(path('openpyxl-hidden-protected.xlsx'))
    add('openpyxl-hidden-protected.xlsx', prog, twin='small', note='hidden and protected sheets, sheet order changed')

    # The table shifted: blank rows and columns around it.
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in SMALL:
        ws = wb.create_sheet(name)
        off = 3 if name == SHEET else 0
        for i, r in enumerate(rows):
            for j, v in enumerate(r):
                if v is not None:
                    ws.cell(row=i + 1 + off, column=j + 1 + (2 if name == SHEET else 0), value=v)
    wb.save(path('openpyxl-shifted.xlsx'))
    add('openpyxl-shifted.xlsx', prog, twin='small', note='table starts at C4')

    # Numbers stored as text, as some exports do («1», «2»), and «Итого» as a formula without a cached value.
    wb = opx_book()
    ws = wb[SHEET]
    for row in ws.iter_rows(min_row=2, max_row=7):
        row[0].value = str(row[0].value) if row[0].value is not None else None
        row[7].value = f'=SUM(C{row[0].row}:E{row[0].row})'
    wb.save(path('openpyxl-formulas-nocache.xlsx'))
    add('openpyxl-formulas-nocache.xlsx', prog, twin='small', note='codes as text; totals as formulas without cached values')


# ---- xlsxwriter ----------------------------------------------------------------------------------------

def xw_write(wb, sheets=SMALL, rich=False):
    for name, rows in sheets:
        ws = wb.add_worksheet(name)
        for i, r in enumerate(rows):
            for j, v in enumerate(r):
                if v is not None:
                    ws.write(i, j, v)
    return wb


def make_xlsxwriter():
    prog = f'xlsxwriter {xlsxwriter.__version__}'
    wb = xlsxwriter.Workbook(path('xlsxwriter-plain.xlsx'))
    xw_write(wb)
    wb.close()
    add('xlsxwriter-plain.xlsx', prog, twin='small')

    # constant_memory: inline strings, rows streamed.
    wb = xlsxwriter.Workbook(path('xlsxwriter-constant-memory.xlsx'), {'constant_memory': True})
    xw_write(wb)
    wb.close()
    add('xlsxwriter-constant-memory.xlsx', prog, twin='small', note='inline strings')

    # Chart on the results sheet and a chartsheet; comments; dropdowns; defined names; merged cells; a table.
    wb = xlsxwriter.Workbook(path('xlsxwriter-everything.xlsx'))
    xw_write(wb)
    ws = wb.get_worksheet_by_name(SHEET)
    ws.write_comment('A1', 'Коды участников из ФИС ОКО')
    ws.data_validation('G2:G9', {'validate': 'list', 'source': ['2', '3', '4', '5', 'нет отметки']})
    wb.define_name('Итого', f"='{SHEET}'!$H$2:$H$9")
    wb.define_name(f"'{SHEET}'!Коды", f"='{SHEET}'!$A$2:$A$9")
    extra = wb.add_worksheet('Сводка')
    extra.merge_range('A1:D1', 'Сводка по классам (заполняет завуч)', wb.add_format({'bold': True, 'align': 'center'}))
    extra.add_table('A3:B5', {'data': [['5А', 3], ['5Б', 2]], 'columns': [{'header': 'Класс'}, {'header': 'Участников'}]})
    chart = wb.add_chart({'type': 'column'})
    chart.add_series({'categories': "='Сводка'!$A$4:$A$5", 'values': "='Сводка'!$B$4:$B$5", 'name': 'Участники'})
    extra.insert_chart('D3', chart)
    cs = wb.add_chartsheet('Диаграмма')
    chart2 = wb.add_chart({'type': 'pie'})
    chart2.add_series({'categories': "='Сводка'!$A$4:$A$5", 'values': "='Сводка'!$B$4:$B$5"})
    cs.set_chart(chart2)
    ws.conditional_format('H2:H7', {'type': 'cell', 'criteria': '<', 'value': 2, 'format': wb.add_format({'bg_color': '#FFC7CE'})})
    wb.close()
    add('xlsxwriter-everything.xlsx', prog, twin='small',
        features=['chart', 'chartsheet', 'comments', 'dropdowns', 'definedNames', 'merges', 'table', 'userRules'])

    # Rich text in the header, dates and numbers with formats, hyperlinks, an image.
    wb = xlsxwriter.Workbook(path('xlsxwriter-rich.xlsx'))
    xw_write(wb)
    ws = wb.get_worksheet_by_name(SHEET)
    bold = wb.add_format({'bold': True})
    ws.write_rich_string('A1', bold, 'Код', ' участника')
    ws.write_url('J1', 'https://fioco.ru', string='ФИС ОКО')
    ws.write_datetime('J2', datetime.datetime(2026, 4, 15), wb.add_format({'num_format': 'dd.mm.yyyy'}))
    png = tiny_png()
    ws.insert_image('J4', 'logo.png', {'image_data': io.BytesIO(png)})
    wb.close()
    add('xlsxwriter-rich.xlsx', prog, twin='small', features=['image', 'hyperlink'], note='rich-text header, date, hyperlink, image')


def tiny_png():
    import struct
    import zlib
    raw = b''.join(b'\x00' + b'\xff\x80\x00' * 4 for _ in range(4))

    def chunk(t, d):
        c = struct.pack('>I', len(d)) + t + d
        return c + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 4, 4, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')


# ---- .csv ---------------------------------------------------------------------------------------------

def csv_text(sep, decimal_comma=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator='\r\n')
    for r in CSV_ROWS:
        w.writerow(['' if v is None else v for v in r])
    return buf.getvalue()


def make_csv():
    prog = 'Python csv (как «Сохранить как CSV» в Excel)'
    with open(path('csv-utf8-semicolon.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write(csv_text(';'))
    add('csv-utf8-semicolon.csv', prog, twin='csv')
    with open(path('csv-utf8-bom-semicolon.csv'), 'w', encoding='utf-8-sig', newline='') as f:
        f.write(csv_text(';'))
    add('csv-utf8-bom-semicolon.csv', prog, twin='csv', note='Excel «CSV UTF-8»')
    with open(path('csv-1251-semicolon.csv'), 'w', encoding='cp1251', newline='') as f:
        f.write(csv_text(';'))
    add('csv-1251-semicolon.csv', prog, twin='csv', note='Excel «CSV (разделители — запятые)» in a Russian Windows')
    with open(path('csv-utf8-comma.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write(csv_text(','))
    add('csv-utf8-comma.csv', prog, twin='csv')
    with open(path('csv-1251-tab.csv'), 'w', encoding='cp1251', newline='') as f:
        f.write(csv_text('\t'))
    add('csv-1251-tab.csv', prog, twin='csv', note='tab-separated, LF')
    with open(path('csv-utf16.csv'), 'w', encoding='utf-16', newline='') as f:
        f.write(csv_text('\t'))
    add('csv-utf16.csv', prog, twin='csv', note='Excel «Текст Юникод»')
    shutil.copy(path('csv-1251-semicolon.csv'), path('csv-renamed-to.xlsx'))
    add('csv-renamed-to.xlsx', prog, twin='csv', note='a .csv renamed to .xlsx')


# ---- LibreOffice ----------------------------------------------------------------------------------------

def make_libreoffice():
    prog = subprocess.run(['soffice', '--version'], capture_output=True, text=True).stdout.split('\n')[0].strip()
    src = {n: path(n) for n in ['openpyxl-plain.xlsx', 'openpyxl-comments.xlsx', 'openpyxl-chart.xlsx', 'openpyxl-dropdowns-names.xlsx',
                                'openpyxl-merged-title.xlsx', 'openpyxl-formulas-nocache.xlsx']}
    for fmt, filt in [('xls', 'xls:MS Excel 97'), ('ods', 'ods'), ('xlsx', 'xlsx:Calc MS Excel 2007 XML')]:
        out = tmp(f'lo-{fmt}')
        soffice(filt, list(src.values()), out)
        for n in src:
            stem = n.replace('openpyxl-', '').rsplit('.', 1)[0]
            target = f'libreoffice-{stem}.{fmt}'
            shutil.copy(os.path.join(out, n.rsplit('.', 1)[0] + '.' + fmt), path(target))
            feats = []
            if 'comments' in n:
                feats = ['comments']
            elif 'chart' in n:
                feats = ['chart']
            elif 'dropdowns' in n:
                feats = ['dropdowns', 'definedNames']
            elif 'merged' in n:
                feats = ['merges']
            add(target, prog, twin='small', features=feats if fmt == 'xlsx' else [],
                note='formulas recalculated and cached by LibreOffice' if 'formulas' in n else '')
    shutil.copy(path('libreoffice-plain.xls'), path('xls-renamed-to.xlsx'))
    add('xls-renamed-to.xlsx', prog, twin='small', note='an .xls renamed to .xlsx')
    shutil.copy(path('libreoffice-plain.ods'), path('ods-renamed-to.xlsx'))
    add('ods-renamed-to.xlsx', prog, twin='small', note='an .ods renamed to .xlsx')
    # LibreOffice's own CSV export in Windows-1251 with «;» (filter options: separator 59, quote 34,
    # charset 34 = Windows-1251), from a UTF-8 comma CSV (import options 44,34,76).
    out = tmp('lo-csv')
    with open(tmp('title.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write(csv_text(','))
    soffice('csv:Text - txt - csv (StarCalc):59,34,34', [tmp('title.csv')], out, infilter='CSV:44,34,76')
    shutil.copy(os.path.join(out, 'title.csv'), path('libreoffice-1251.csv'))
    add('libreoffice-1251.csv', prog, twin='csv')


# ---- refusals -----------------------------------------------------------------------------------------

def make_broken():
    good = open(path('openpyxl-plain.xlsx'), 'rb').read()
    open(path('broken-zero-bytes.xlsx'), 'wb').close()
    add('broken-zero-bytes.xlsx', 'пустой файл', refuse='empty')
    open(path('broken-truncated.xlsx'), 'wb').write(good[: len(good) // 2])
    add('broken-truncated.xlsx', 'openpyxl, обрезан наполовину', refuse='damaged')
    # One flipped bit inside the compressed results sheet: the zip is intact, the CRC is not.
    z = zipfile.ZipFile(path('openpyxl-plain.xlsx'))
    info = z.getinfo('xl/worksheets/sheet1.xml')
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    flipped = bytearray(good)
    flipped[start + info.compress_size // 2] ^= 0x10
    open(path('broken-bitflip.xlsx'), 'wb').write(bytes(flipped))
    add('broken-bitflip.xlsx', 'openpyxl, один бит изменён', refuse='damaged')
    # The central directory damaged.
    cd = bytearray(good)
    i = cd.rfind(b'PK\x01\x02')
    cd[i:i + 4] = b'XXXX'
    open(path('broken-directory.xlsx'), 'wb').write(bytes(cd))
    add('broken-directory.xlsx', 'openpyxl, оглавление zip испорчено', refuse='damaged')
    xls = open(path('libreoffice-plain.xls'), 'rb').read()
    open(path('broken-truncated.xls'), 'wb').write(xls[:1536])
    add('broken-truncated.xls', 'LibreOffice .xls, обрезан', refuse='damaged')
    # Not a workbook at all.
    open(path('not-a-workbook-pdf.xlsx'), 'wb').write(
        b'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
    add('not-a-workbook-pdf.xlsx', 'PDF, переименован в .xlsx', refuse='not-workbook')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as d:
        d.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        d.writestr('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        d.writestr('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Справка</w:t></w:r></w:p></w:body></w:document>')
    open(path('not-a-workbook-docx.xlsx'), 'wb').write(buf.getvalue())
    add('not-a-workbook-docx.xlsx', 'Python zipfile: документ Word, переименован', refuse='not-workbook')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as d:
        d.writestr('результаты.txt', 'тут ничего нет')
    open(path('not-a-workbook-zip.xlsx'), 'wb').write(buf.getvalue())
    add('not-a-workbook-zip.xlsx', 'Python zipfile: архив с .txt', refuse='not-workbook')
    open(path('not-a-workbook-png.xlsx'), 'wb').write(tiny_png())
    add('not-a-workbook-png.xlsx', 'PNG, переименован', refuse='not-workbook')
    open(path('not-a-workbook-binary.xlsx'), 'wb').write(bytes((i * 37 + 11) % 256 for i in range(3000)))
    add('not-a-workbook-binary.xlsx', 'случайные байты', refuse='not-workbook')


UNO_SAVE_WITH_PASSWORD = r'''
import sys, uno
from com.sun.star.beans import PropertyValue
def prop(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % int(sys.argv[1]))
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
for src, dst, filt in zip(sys.argv[2::3], sys.argv[3::3], sys.argv[4::3]):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", filt), prop("Password", "школа2026")))
    doc.close(True)
'''


def make_encrypted():
    """Password-protected files: .xls (FILEPASS) and .ods saved by LibreOffice through UNO; .xlsx (an OLE
    file with EncryptionInfo + EncryptedPackage, agile encryption as Excel writes it) by officecrypto-tool."""
    prefix = tmp('officecrypto')
    subprocess.run(['npm', 'install', '--prefix', prefix, '--no-audit', '--no-fund', 'officecrypto-tool@0.0.19'],
                   check=True, stdout=subprocess.DEVNULL)
    js = ("const o=require('officecrypto-tool');const fs=require('fs');"
          "fs.writeFileSync(process.argv[2],o.encrypt(fs.readFileSync(process.argv[1]),{password:'школа2026'}));")
    subprocess.run(['node', '-e', js, path('openpyxl-plain.xlsx'), path('encrypted-password.xlsx')], check=True,
                   env={**os.environ, 'NODE_PATH': os.path.join(prefix, 'node_modules')})
    add('encrypted-password.xlsx', 'officecrypto-tool 0.0.19 (npm), пароль', refuse='encrypted')
    try:
        import uno  # noqa: F401
    except ImportError:
        print('python3-uno missing: encrypted files skipped', file=sys.stderr)
        return
    prog = subprocess.run(['soffice', '--version'], capture_output=True, text=True).stdout.split('\n')[0].strip()
    port = 2002 + os.getpid() % 1000
    office = subprocess.Popen(['soffice', '--headless', '--norestore', '--invisible', f'--accept=socket,host=127.0.0.1,port={port};urp;'],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        script = tmp('uno_save.py')
        open(script, 'w').write(UNO_SAVE_WITH_PASSWORD)
        args = [path('openpyxl-plain.xlsx'), path('encrypted-password.xls'), 'MS Excel 97',
                path('openpyxl-plain.xlsx'), path('encrypted-password.ods'), 'calc8']
        for attempt in range(60):
            r = subprocess.run(['/usr/bin/python3', script, str(port), *args], capture_output=True, text=True)
            if r.returncode == 0:
                break
            import time
            time.sleep(2)
        else:
            raise RuntimeError(r.stderr)
    finally:
        office.terminate()
        office.wait(timeout=60)
    add('encrypted-password.xls', prog, refuse='encrypted')
    add('encrypted-password.ods', prog, refuse='encrypted')


# ---- round trips: ОКО's output edited by people and programs ---------------------------------------------

ROADMAP_TAB = 'Дорожная карта · ВПР МА 5'
REQ = ['--template', 'region-model-roadmap', '--year', '2026', '--procedure', 'ВПР, математика, 5 класс',
       '--results-date', '2026-05-15', '--today', '2026-11-23', '-q']


def oko(*args):
    subprocess.run(['node', os.path.join(ROOT, 'bin', 'oko.cjs'), *args], check=True, cwd=ROOT)


def find_col(ws, label, max_row=12):
    for row in ws.iter_rows(min_row=1, max_row=max_row):
        for c in row:
            if c.value == label:
                return c.row, c.column
    raise KeyError(label)


def make_roundtrips():
    base = path('openpyxl-plain.xlsx')
    analysed = tmp('rt-analysed.xlsx')
    withmap = tmp('rt-roadmap.xlsx')
    oko('analyze', base, '-o', analysed, '-q')
    oko('roadmap', analysed, *REQ, '-o', withmap)
    shutil.copy(withmap, path('roundtrip-oko-output.xlsx'))
    add('roundtrip-oko-output.xlsx', 'ОКО (oko analyze + oko roadmap)', twin='small', note='our own output, untouched')

    # openpyxl: a user types statuses, a comment, notes on «Группа риска», moves a cell note and inserts rows.
    wb = openpyxl.load_workbook(withmap)
    ws = wb[ROADMAP_TAB]
    hr, key_col = find_col(ws, 'Ключ')
    cols = {label: find_col(ws, label)[1] for label in ['Статус', 'Дата исполнения', 'Ссылка на документ', 'Комментарий', 'Мероприятие']}
    rows = {ws.cell(row=r, column=key_col).value: r for r in range(hr + 1, ws.max_row + 1)}
    r5a = rows['wp:математика|5а']
    ws.cell(row=r5a, column=cols['Статус'], value='Выполнено')
    ws.cell(row=r5a, column=cols['Дата исполнения'], value=datetime.datetime(2026, 6, 10))
    ws.cell(row=r5a, column=cols['Ссылка на документ'], value='https://disk.example/rp-5a')
    ws.cell(row=r5a, column=cols['Комментарий'], value='Согласовано на ШМО')
    ws.cell(row=rows['wp:математика|5б'], column=cols['Статус'], value='В работе')
    last = ws.max_row + 1
    ws.cell(row=last, column=cols['Мероприятие'], value='Открытый урок по дробям')
    ws.cell(row=last, column=cols['Статус'], value='Не начато')
    risk = wb['Группа риска']
    rh, rkey = find_col(risk, 'Ключ (не менять)')
    done_col = find_col(risk, 'Что сделано')[1]
    comment_col = find_col(risk, 'Комментарий')[1]
    for r in range(rh + 1, risk.max_row + 1):
        if risk.cell(row=r, column=rkey).value == '102':
            risk.cell(row=r, column=done_col, value='Беседа с родителями 12.05')
            risk.cell(row=r, column=comment_col, value='Повторить дроби')
    # A note on the user's results sheet, then moved to another cell (as «Вырезать/Вставить» does).
    res = wb[SHEET]
    res['B3'].comment = Comment('Вариант уточнить', 'Учитель')
    res['C5'].comment = res['B3'].comment
    res['B3'].comment = None
    # Rows inserted: above the results table and above the roadmap's header.
    res.insert_rows(1)
    res['A1'] = 'Протокол проверки ВПР'
    ws.insert_rows(1)
    ws['A1'] = 'Утверждено приказом № 15'
    wb.save(path('roundtrip-openpyxl-edited.xlsx'))
    add('roundtrip-openpyxl-edited.xlsx', f'openpyxl {openpyxl.__version__} (правки пользователя)', twin='small',
        features=['comments'], note='statuses, comment, risk notes typed; a note moved; rows inserted')

    # The same edited book opened and saved by LibreOffice.
    out = tmp('rt-lo')
    soffice('xlsx:Calc MS Excel 2007 XML', [path('roundtrip-openpyxl-edited.xlsx')], out)
    shutil.copy(os.path.join(out, 'roundtrip-openpyxl-edited.xlsx'), path('roundtrip-libreoffice-resaved.xlsx'))
    add('roundtrip-libreoffice-resaved.xlsx', 'LibreOffice (сохранение правленой книги)', twin='small', features=['comments'],
        note='the openpyxl-edited output saved again by LibreOffice')
    # …and as .ods: the statuses must survive a format change too.
    soffice('ods', [path('roundtrip-openpyxl-edited.xlsx')], out)
    shutil.copy(os.path.join(out, 'roundtrip-openpyxl-edited.ods'), path('roundtrip-libreoffice.ods'))
    add('roundtrip-libreoffice.ods', 'LibreOffice (.ods)', twin='small', note='the edited output saved as .ods')


def main():
    if os.path.exists(FILES):
        shutil.rmtree(FILES)
    os.makedirs(FILES)
    make_openpyxl()
    make_xlsxwriter()
    make_csv()
    make_libreoffice()
    make_broken()
    make_encrypted()
    make_roundtrips()
    twins = {
        'small': {'name': 'Школа 7', 'grids': [{'name': n, 'values': rows_trimmed(r)} for n, r in SMALL]},
        'csv': {'name': 'Школа 7', 'grids': [{'name': 'Результаты', 'values': rows_trimmed(CSV_ROWS)}]},
    }
    with open(os.path.join(OUT, 'twins.json'), 'w', encoding='utf-8') as f:
        json.dump(twins, f, ensure_ascii=False, indent=1)
    with open(os.path.join(OUT, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(MANIFEST, f, ensure_ascii=False, indent=1)
    print(f'{len(MANIFEST)} files in {FILES}')
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == '__main__':
    main()
