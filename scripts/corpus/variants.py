"""Writes tables in a shipped layout's form with something changed the way departments change it, each with the
expected goal document derived from the seed text (Tests/BridgeTests/Fixtures/variants):

- standard-funds-swapped: the standard template with its two funds columns in the other order (年度资金 left of
  中期资金), as a department that retyped the form wrote it. The headers say which column is which: funds must be
  placed by meaning, not by the layout's order.
- standard-funds-by-label: the standard template's funds block as two label/value pairs per row (中期资金总额 |
  value | 年度资金总额 | value): the labels say which is which.
- pingyin-value-renamed: a 平阴 table whose 指标值 header was retyped 目标值, a spelling any form uses for it
  (vocabulary `indicatorColumns`): read as the 指标值 column.
- pingyin-headers-retyped: the 平阴 headers retyped 一级 / 二级 / 指标名称 / 目标值: the same table.
- pingyin-value-annual: the 指标值 header retyped 年度指标值, the national form's word (vocabulary `value.annual`).
- changqing-headers-retyped: a 长清 table (two sets side by side, both headed 三级指标 / 指标值) with every 三级指标
  retyped 指标名称 and every 指标值 目标值: the same table (corpus changqing-01-single, re-saved by openpyxl).
- pingyin-value-unknown: the 指标值 header retyped 预期成效, a header no form uses: the layout's value column is empty
  and a column it does not know is full. The importer must say it is not sure (no expected document: nothing is certain).

    python3 scripts/corpus/variants.py [OUT]
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from generate import Plan, document, form_pingyin, reproducible, variation, write_openpyxl, write_xlsxwriter  # noqa: E402
import seeds  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Tests", "BridgeTests", "Fixtures", "variants")

# Mid-term funds are the annual ones over three years: distinct numbers, so a value in the wrong period shows.
MID = {"total": "3000", "fiscal": "2800", "carryover": "0", "other": "200"}
ANNUAL = {"total": "1000", "fiscal": "900", "carryover": "0", "other": "100"}
PARTS = (("资金总额", "total"), ("其中：财政拨款", "fiscal"), ("上年结转资金", "carryover"), ("其他资金", "other"))


def table():
    t = next(t for k, t in seeds.all_tables()["pingyin"] if k == "project")
    rows = [dict(level1Raw=x["level1Raw"], level2Raw=x["level2Raw"], name=x["name"], value=x["value"])
            for x in t["indicatorSets"][0]["rows"]]
    return {
        "fiscalYear": 2024, "amountUnit": "万元", "projectName": t["projectName"],
        "supervisingDepartment": t["supervisingDepartment"], "implementingUnit": t["implementingUnit"],
        "annualFunds": dict(ANNUAL), "midTermFunds": dict(MID),
        "goals": {"annual": t["goals"]["annual"], "items": []},
        "indicatorSets": [{"scope": "annual", "rows": rows}], "extras": [],
    }


def head(p, t):
    r = 0
    p.put(r, 0, "项目支出绩效目标表"); p.merge(r, 0, r, 8); r += 1
    p.put(r, 0, "年度"); p.put(r, 1, "2024"); p.merge(r, 1, r, 2); p.put(r, 3, "金额单位"); p.put(r, 4, "万元"); p.merge(r, 4, r, 5)
    r += 1
    p.put(r, 0, "项目名称"); p.put(r, 1, t["projectName"]); p.merge(r, 1, r, 8); r += 1
    p.put(r, 0, "主管部门"); p.put(r, 1, t["supervisingDepartment"]["name"]); p.merge(r, 1, r, 8); r += 1
    p.put(r, 0, "实施单位"); p.put(r, 1, t["implementingUnit"]["name"]); p.merge(r, 1, r, 8); r += 1
    return r


def tail(p, t, r):
    p.put(r, 0, "年度目标"); p.put(r, 1, t["goals"]["annual"]); p.merge(r, 1, r, 8); r += 1
    rows = t["indicatorSets"][0]["rows"]
    p.put(r, 0, "年度绩效指标"); p.merge(r, 0, r + 1 + len(rows), 0)
    for c, h in ((1, "一级指标"), (2, "二级指标"), (3, "三级指标"), (7, "绩效指标描述"), (8, "指标值确定依据")):
        p.put(r, c, h); p.merge(r, c, r + 1, c)
    p.put(r, 4, "指标值"); p.merge(r, 4, r, 6)
    p.put(r + 1, 4, "符号"); p.put(r + 1, 5, "值"); p.put(r + 1, 6, "单位")
    r += 2
    for x in rows:
        p.put(r, 1, x["level1Raw"]); p.put(r, 2, x["level2Raw"]); p.put(r, 3, x["name"])
        p.put(r, 4, "文字描述"); p.put(r, 6, x["value"])  # the value whole, as the template's 填报说明 allows
        r += 1
    p.row = r


def funds_swapped(t):
    p = Plan(9)
    r = head(p, t)
    p.put(r, 0, "项目资金（万元）"); p.merge(r, 0, r + 4, 0)
    p.put(r, 1, "资金来源"); p.merge(r, 1, r, 4)
    p.put(r, 5, "年度资金"); p.merge(r, 5, r, 6); p.put(r, 7, "中期资金"); p.merge(r, 7, r, 8); r += 1
    for label, key in PARTS:
        p.put(r, 1, label); p.merge(r, 1, r, 4)
        p.put(r, 5, ANNUAL[key]); p.merge(r, 5, r, 6); p.put(r, 7, MID[key]); p.merge(r, 7, r, 8)
        r += 1
    tail(p, t, r)
    return p


def funds_by_label(t):
    p = Plan(9)
    r = head(p, t)
    p.put(r, 0, "项目资金（万元）"); p.merge(r, 0, r + 3, 0)
    for label, key in PARTS:
        # 年度 first: the order of the layout (中期 left of 年度) says the opposite of the labels.
        p.put(r, 1, "年度" + label.replace("其中：", "")); p.merge(r, 1, r, 2); p.put(r, 3, ANNUAL[key])
        p.put(r, 4, "中期" + label.replace("其中：", "")); p.merge(r, 4, r, 6); p.put(r, 7, MID[key]); p.merge(r, 7, r, 8)
        r += 1
    tail(p, t, r)
    return p


def pingyin_table():
    return next(t for k, t in seeds.all_tables()["pingyin"] if k == "project")


def headers_retyped(headers):
    t = pingyin_table()
    p = Plan(8)
    form_pingyin(p, t, variation(0))
    header = p.row - len(t["indicatorSets"][0]["rows"]) - 1
    for column, text in headers.items():
        p.put(header, column, text)
    return p


def main():
    os.makedirs(OUT, exist_ok=True)
    t = table()
    for name, plan, writer in (("standard-funds-swapped", funds_swapped(t), write_openpyxl),
                               ("standard-funds-by-label", funds_by_label(t), write_xlsxwriter)):
        writer(os.path.join(OUT, name + ".xlsx"), [("项目支出绩效目标表", plan)])
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as h:
            json.dump(document([("project", t)]), h, ensure_ascii=False, indent=1)
            h.write("\n")
    for name, headers, writer in (("pingyin-value-renamed", {4: "目标值"}, write_openpyxl),
                                  ("pingyin-headers-retyped", {1: "一级", 2: "二级", 3: "指标名称", 4: "目标值"}, write_xlsxwriter),
                                  ("pingyin-value-annual", {4: "年度指标值"}, write_openpyxl)):
        writer(os.path.join(OUT, name + ".xlsx"), [("Sheet1", headers_retyped(headers))])
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as h:
            json.dump(document([("project", pingyin_table())]), h, ensure_ascii=False, indent=1)
            h.write("\n")
    write_openpyxl(os.path.join(OUT, "pingyin-value-unknown.xlsx"), [("Sheet1", headers_retyped({4: "预期成效"}))])
    import openpyxl
    import shutil
    corpus = os.path.join(os.path.dirname(OUT), "corpus")
    book = openpyxl.load_workbook(os.path.join(corpus, "changqing-01-single.xlsx"))
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.strip() in ("三级指标", "指标值"):
                    cell.value = {"三级指标": "指标名称", "指标值": "目标值"}[cell.value.strip()]
    path = os.path.join(OUT, "changqing-headers-retyped.xlsx")
    book.save(path)
    reproducible(path)
    shutil.copyfile(os.path.join(corpus, "changqing-01-single.json"), os.path.join(OUT, "changqing-headers-retyped.json"))
    print("7 workbooks in %s" % OUT)


if __name__ == "__main__":
    main()
