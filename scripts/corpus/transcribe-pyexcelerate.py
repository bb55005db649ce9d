"""Rewrites corpus workbooks with PyExcelerate, a writer with XML templates of its own (not openpyxl's, not
XlsxWriter's): the same cells, merges, number formats and hidden sheets. The expected document stays the corpus's
NAME.json (derived from the seed text). A workbook with a text that starts with `=` (永清's `=17个`) is left out:
PyExcelerate writes such a text as a formula.

    pip install pyexcelerate
    python3 scripts/corpus/transcribe-pyexcelerate.py [--every N] [--out DIR] [NAME …]
"""
import argparse, datetime, glob, os
import openpyxl
from pyexcelerate import Workbook, Style, Format, Font, Alignment

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "Tests", "BridgeTests", "Fixtures", "corpus")


def transcribe(source, target):
    src = openpyxl.load_workbook(source)
    if any(isinstance(c.value, str) and c.value.startswith("=") for ws in src.worksheets for row in ws.iter_rows() for c in row):
        return False
    out = Workbook()
    for ws in src.worksheets:
        sheet = out.new_sheet(ws.title, hidden=ws.sheet_state != "visible")
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                sheet.set_cell_value(c.row, c.column, c.value)
                fmt = c.number_format if c.number_format and c.number_format != "General" else None
                sheet.set_cell_style(c.row, c.column, Style(font=Font(family="宋体"), format=Format(fmt) if fmt else None,
                                                           alignment=Alignment(wrap_text=True, vertical="center")))
        for m in ws.merged_cells.ranges:
            sheet.range((m.min_row, m.min_col), (m.max_row, m.max_col)).merge()
    out.save(target)
    return True


def main():
    p = argparse.ArgumentParser()
    p.add_argument("names", nargs="*")
    p.add_argument("--every", type=int, default=1)
    p.add_argument("--out", default=os.path.join(CORPUS, "pyexcelerate"))
    a = p.parse_args()
    names = a.names or [os.path.basename(n)[:-5] for n in sorted(glob.glob(os.path.join(CORPUS, "*.xlsx")))
                        if not n.endswith(("-gnumeric.xlsx", "-libreoffice.xlsx"))][::a.every]
    os.makedirs(a.out, exist_ok=True)
    written = [n for n in names if transcribe(os.path.join(CORPUS, n + ".xlsx"), os.path.join(a.out, n + ".xlsx"))]
    print("%d workbooks written under %s (%d left out: a text starting with =)" % (len(written), a.out, len(names) - len(written)))


if __name__ == "__main__":
    main()
