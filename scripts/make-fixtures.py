#!/usr/bin/env python3
"""Regenerates the small reader fixtures in Tests/SpreadsheetTests/Fixtures/.

Each fixture holds the same grid (Chinese text, numbers, a date, a formula, merges, a hidden
sheet) as written by a different program, so the reader is tested against writers other than ours.
Needs: pip install openpyxl xlsxwriter; apt-get install libreoffice-calc gnumeric.
Run once and commit the outputs; CI does not depend on these programs.
"""
import datetime, os, re, shutil, subprocess, sys, tempfile, zipfile

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "SpreadsheetTests", "Fixtures")
os.makedirs(OUT, exist_ok=True)

ROWS = [
    ["项目名称", "乡村道路维修", None, None],
    ["主管部门", "平阴县交通运输局", "实施单位", "平阴县公路事业发展中心"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "维修道路长度", "≥15826米"],
    [None, None, "维修桥梁数", "≥3座"],
    [None, "质量指标", "验收合格率", "≥95%"],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%"],
    ["预算", 1000.5, "结转", 0],
]
MERGES = ["B1:D1", "A4:A6", "B4:B5"]


def openpyxl_book(path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效目标表"
    for r, row in enumerate(ROWS, 1):
        for c, v in enumerate(row, 1):
            if v is not None:
                ws.cell(r, c, v)
    ws["A10"] = datetime.date(2024, 3, 5)
    ws["A10"].number_format = "yyyy\"年\"m\"月\"d\"日\""
    ws["B10"] = "=B8+D8"
    for m in MERGES:
        ws.merge_cells(m)
    hidden = wb.create_sheet("列表")
    hidden["A1"] = "产出指标"
    hidden.sheet_state = "hidden"
    wb.save(path)


def xlsxwriter_constant_memory(path):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path, {"constant_memory": True})
    ws = wb.add_worksheet("绩效目标表")
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(ROWS):
        for c, v in enumerate(row):
            if v is not None:
                ws.write(r, c, v)
    ws.write_datetime(9, 0, datetime.datetime(2024, 3, 5), date_fmt)
    ws.write_formula(9, 1, "=B8+D8", None, 1000.5)
    # Merges written after their rows are flushed are dropped in constant_memory mode; only the grid is compared.
    hidden = wb.add_worksheet("列表")
    hidden.write(0, 0, "产出指标")
    hidden.hide()
    wb.close()


def convert(tool, src, dst):
    tmp = tempfile.mkdtemp()
    try:
        if tool == "soffice":
            env = dict(os.environ, HOME=tmp)
            subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", tmp, src], check=True, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.move(os.path.join(tmp, os.path.basename(src)), dst)
        else:
            subprocess.run(["ssconvert", src, dst], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def rewrite(src, dst, fn):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith(".xml") or item.filename.endswith(".rels"):
                data = fn(item.filename, data.decode("utf-8")).encode("utf-8")
            zout.writestr(item.filename, data)


def strict(name, text):
    text = text.replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
    text = text.replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships")
    return text


def prefixed(name, text):
    if not name.startswith("xl/worksheets/") and name != "xl/workbook.xml" and name != "xl/sharedStrings.xml":
        return text
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    text = text.replace('xmlns="%s"' % ns, 'xmlns:x="%s"' % ns)
    text = re.sub(r"<(/?)([A-Za-z][\w]*)([\s/>])", lambda m: "<%sx:%s%s" % (m.group(1), m.group(2), m.group(3)), text)
    text = text.replace("<x:?xml", "<?xml")
    return text


def main():
    base = os.path.join(OUT, "openpyxl.xlsx")
    openpyxl_book(base)
    xlsxwriter_constant_memory(os.path.join(OUT, "xlsxwriter-constant-memory.xlsx"))
    rewrite(base, os.path.join(OUT, "strict-ooxml.xlsx"), strict)
    rewrite(base, os.path.join(OUT, "prefixed-elements.xlsx"), prefixed)
    if shutil.which("soffice"):
        convert("soffice", base, os.path.join(OUT, "libreoffice.xlsx"))
    if shutil.which("ssconvert"):
        convert("ssconvert", base, os.path.join(OUT, "gnumeric.xlsx"))


if __name__ == "__main__":
    main()
