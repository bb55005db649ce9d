"""Writes the independent import corpus: every seed table that seeds.py reads, in its region's own form, as
workbooks written by openpyxl and by XlsxWriter (never by GoalBridge, never from its layout files), with the
variations departments produce, and next to each workbook the expected goal document.

    python3 scripts/corpus/generate.py [OUT]      (default Tests/BridgeTests/Fixtures/corpus)

Variations, crossed by cycling through them table by table (so every value of every dimension occurs, and
neighbouring tables differ in all of them):
- labels: as printed; a line break inside; spaces between the characters; full-width spaces around; a colon
  (full-width or ASCII) after;
- level 1 / level 2 cells: merged over their rows; written once with blanks below; repeated on every row;
- amounts: text as printed (`1,000.00`) or numeric cells with a number format;
- arrangement: one table per workbook; one table per sheet (sheet named after the project); 2–4 tables stacked
  in one sheet with 1–3 blank rows between; an empty extra sheet;
- writer: openpyxl or XlsxWriter.
The expected JSON holds what the seed text says (seeds.py), never what GoalBridge reads.
"""
import copy
import datetime
import json
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
import xlsxwriter

sys.path.insert(0, os.path.dirname(__file__))
import seeds  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Tests", "BridgeTests", "Fixtures", "corpus")

LABEL_STYLES = ["plain", "break", "spaced", "padded", "colon-full", "colon-ascii"]
LEVEL_STYLES = ["merged", "once", "repeat"]


def styled_label(text, style):
    if style == "break" and len(text) >= 4:
        k = len(text) // 2
        return text[:k] + "\n" + text[k:]
    if style == "spaced" and len(text) <= 6:
        return "  ".join(text)
    if style == "padded":
        return "\u3000" + text + "\u3000"
    if style == "colon-full":
        return text + "："
    if style == "colon-ascii":
        return text + ":"
    return text


class Plan:
    """One sheet's content: cells (row, column) → (value, kind) and merges, in zero-based coordinates."""

    def __init__(self, columns):
        self.columns = columns
        self.cells = {}
        self.merges = []
        self.row = 0
        self.widths = {}

    def put(self, r, c, value, kind="text"):
        if value is None or value == "":
            return
        self.cells[(r, c)] = (value, kind)

    def merge(self, r1, c1, r2, c2):
        if (r1, c1) != (r2, c2):
            self.merges.append((r1, c1, r2, c2))


def level_block(plan, first_row, rows, col_l1, col_l2, style, key1="level1Raw", key2="level2Raw"):
    """Writes level 1 and level 2 over their runs of equal text."""
    def runs(key, within=None):
        out = []
        for i, r in enumerate(rows):
            k = (r[key1], r[key]) if key == key2 else r[key]
            if out and out[-1][0] == k:
                out[-1][2] = i
            else:
                out.append([k, i, i])
        return out
    for col, key in ((col_l1, key1), (col_l2, key2)):
        if col is None:
            continue
        for k, a, b in runs(key):
            text = rows[a][key]
            if style == "repeat":
                for i in range(a, b + 1):
                    plan.put(first_row + i, col, text)
            else:
                plan.put(first_row + a, col, text)
                if style == "merged":
                    plan.merge(first_row + a, col, first_row + b, col)


def amount_cell(text, numeric):
    if numeric:
        v = text.replace(",", "")
        try:
            return (float(v), "amount")
        except ValueError:
            pass
    return (text, "text")


# ---------------------------------------------------------------------------------------------------------------
# Forms

def form_changqing(plan, t, v):
    """Layout A: 8 columns, 中长期 and 年度 indicator groups side by side."""
    L = lambda s: styled_label(s, v["label"])
    r = plan.row
    plan.put(r, 0, t["title"]); plan.merge(r, 0, r, 7); r += 1
    for label, value in (("项目名称", t["projectName"]), ("主管部门", t["supervisingDepartment"]["name"]),
                         ("财政拨款年度金额", t["annualFunds"]["text"])):
        plan.put(r, 0, L(label)); plan.put(r, 1, value); plan.merge(r, 1, r, 7); r += 1
    plan.put(r, 0, L("总体目标")); plan.merge(r, 0, r + 1, 0)
    plan.put(r, 1, "总体绩效目标"); plan.merge(r, 1, r, 4)
    plan.put(r, 5, "年度绩效目标"); plan.merge(r, 5, r, 7); r += 1
    plan.put(r, 1, t["goals"].get("midTerm")); plan.merge(r, 1, r, 4)
    plan.put(r, 5, t["goals"].get("annual")); plan.merge(r, 5, r, 7); r += 1
    rows = t["indicatorSets"][0]["rows"]
    plan.put(r, 0, L("绩效指标")); plan.merge(r, 0, r + len(rows), 0)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"]):
        plan.put(r, c + 1, styled_label(h, v["label"]) if v["label"] == "break" else h)
    r += 1
    level_block(plan, r, rows, 1, 2, v["level"])
    level_block(plan, r, rows, None, 5, v["level"])
    for i, x in enumerate(rows):
        plan.put(r + i, 3, x["name"]); plan.put(r + i, 4, x["value"])
        plan.put(r + i, 6, x["name"]); plan.put(r + i, 7, x["value"])
    plan.row = r + len(rows)
    plan.widths = {0: 12, 1: 12, 2: 14, 3: 26, 4: 14, 5: 14, 6: 26, 7: 14}


def form_pingyin(plan, t, v):
    """Layout B: 5 columns, title and (2024 年度) line, 4-part funds, cost as level 1."""
    L = lambda s: styled_label(s, v["label"])
    r = plan.row
    plan.put(r, 0, t.get("title", "项目支出绩效目标表")); plan.merge(r, 0, r, 4); r += 1
    plan.put(r, 0, "（2024年度）"); plan.merge(r, 0, r, 4); r += 1
    plan.put(r, 0, L("项目名称")); plan.put(r, 1, t["projectName"]); plan.merge(r, 1, r, 2)
    plan.put(r, 3, L("项目类别")); plan.put(r, 4, t.get("projectCategory")); r += 1
    plan.put(r, 0, L("主管部门")); plan.put(r, 1, t["supervisingDepartment"]["name"]); plan.merge(r, 1, r, 2)
    plan.put(r, 3, L("实施单位")); plan.put(r, 4, t["implementingUnit"]["name"]); r += 1
    plan.put(r, 0, "项目资金\n（万元）" if v["label"] == "break" else "项目资金（万元）"); plan.merge(r, 0, r + 3, 0)
    f = t["annualFunds"]
    for label, key in (("年度预算资金总额：", "total"), ("其中：财政拨款", "fiscal"), ("上年结转资金", "carryover"), ("其他资金", "other")):
        plan.put(r, 1, label)
        if key in f:
            value, kind = amount_cell(f[key], v["numeric"])
            plan.put(r, 2, value, kind)
        plan.merge(r, 2, r, 4); r += 1
    plan.put(r, 0, L("年度总体绩效目标")); plan.put(r, 1, t["goals"].get("annual")); plan.merge(r, 1, r, 4); r += 1
    rows = t["indicatorSets"][0]["rows"]
    plan.put(r, 0, L("绩效指标")); plan.merge(r, 0, r + len(rows), 0)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
        plan.put(r, c + 1, styled_label(h, "break") if v["label"] == "break" else h)
    r += 1
    level_block(plan, r, rows, 1, 2, v["level"])
    for i, x in enumerate(rows):
        plan.put(r + i, 3, x["name"]); plan.put(r + i, 4, x["value"])
    plan.row = r + len(rows)
    plan.widths = {0: 14, 1: 18, 2: 18, 3: 30, 4: 16}


VALUE_PARTS = re.compile(r"^(≥|≤|>|<|=|＞|＜|＝)?([0-9]+(?:\.[0-9]+)?) ?([^\s0-9]*)$")
NATURE_WORDS = {"≥": "大于等于", "≤": "小于等于", ">": "大于", "<": "小于", "=": "等于", "＞": "大于", "＜": "小于", "＝": "等于"}


def value_parts(value, words):
    """A value as the budget system's columns state it: 指标性质 (定性, 定量, or a comparator as a word or a
    sign), 指标值, 度量单位. Split only where the three spell the value again exactly; otherwise 定性 with the
    whole text as 指标值. A space between number and unit has no cell to go to: the value read back is the three
    joined (`≤1680.92 万元` → `≤`, `1680.92`, `万元` → `≤1680.92万元`)."""
    m = VALUE_PARTS.match(value)
    if not m:
        return "定性", value, ""
    sign, number, unit = m.groups()
    if not sign:
        return "定量", number, unit
    return (NATURE_WORDS[sign] if words else sign), number, unit


def form_pingyin_columns(plan, t, v):
    """Layout B with the indicator columns of the budget system's forms: 指标性质 / 指标值 / 度量单位, 权重 and
    指标解释 beside the layout's own columns (the layout knows only 指标值)."""
    form_pingyin(plan, t, v)
    rows = t["indicatorSets"][0]["rows"]
    first = plan.row - len(rows)
    header = first - 1
    plan.put(header, 4, "指标性质"); plan.put(header, 5, "指标值"); plan.put(header, 6, "度量单位")
    plan.put(header, 7, "权重（%）"); plan.put(header, 8, "指标解释")
    for i, x in enumerate(rows):
        nature, number, unit = value_parts(x["value"], words=v["numeric"])
        if nature != "定性":
            x["value"] = VALUE_PARTS.match(x["value"]).group(1) or ""
            x["value"] += number + unit
        plan.put(first + i, 4, nature); plan.put(first + i, 5, number)
        if unit:
            plan.put(first + i, 6, unit)
        weight = "%d" % (100 // len(rows) + (1 if i < 100 % len(rows) else 0))
        plan.put(first + i, 7, weight); x["weight"] = weight
        plan.put(first + i, 8, "本项目" + x["name"]); x["description"] = "本项目" + x["name"]
    plan.widths = {0: 14, 1: 18, 2: 18, 3: 30, 4: 12, 5: 14, 6: 10, 7: 10, 8: 24}


PERCENT = re.compile(r"^([0-9]+)(?:\.([0-9]+))?%$")


def typed_percent(value):
    """A value a clerk typed as `98.5%` into Excel, which stores it as the number 0.985 with the format 0.0%; None
    for a value Excel keeps as text (`≥95%`, `明显提升`)."""
    m = PERCENT.match(value)
    if not m:
        return None
    decimals = len(m.group(2) or "")
    return (round(float(value[:-1]) / 100, decimals + 6), "percent%d" % decimals)


def with_typed_percentages(form):
    """A region's form with every plain percentage as Excel stores what a clerk types: a number with a percent
    format (`100%` → 1 with `0%`, `92.5%` → 0.925 with `0.0%`)."""
    def write(plan, t, v):
        form(plan, t, v)
        for key, (value, kind) in list(plan.cells.items()):
            if kind == "text" and isinstance(value, str):
                typed = typed_percent(value)
                if typed:
                    plan.cells[key] = typed
    return write


def form_pingyin_list(plan, t, v):
    r = plan.row
    plan.put(r, 0, t["title"]); plan.merge(r, 0, r, 4); r += 1
    for c, h in enumerate(["序号", "预算部门（单位）名称", "项目名称", "项目金额（万元）", "备注"]):
        plan.put(r, c, styled_label(h, "break") if v["label"] == "break" and len(h) > 4 else h)
    r += 1
    for e in t["rows"]:
        plan.put(r, 0, int(e["seq"]) if v["numeric"] else e["seq"], "int" if v["numeric"] else "text")
        plan.put(r, 1, e["budgetUnitName"]); plan.put(r, 2, e["projectName"])
        value, kind = amount_cell(e["amount"], v["numeric"])
        plan.put(r, 3, value, kind)
        plan.put(r, 4, e.get("remark"))
        r += 1
    plan.row = r
    plan.widths = {0: 6, 1: 30, 2: 36, 3: 16, 4: 10}


def form_yongqing(plan, t, v):
    """Layout F2: the title names the project; 绩效目标; six indicator columns; no amounts."""
    r = plan.row
    plan.put(r, 0, t["title"]); plan.merge(r, 0, r, 5); r += 1
    plan.put(r, 0, styled_label("绩效目标", v["label"])); plan.put(r, 1, t["goals"].get("annual")); plan.merge(r, 1, r, 5); r += 1
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]):
        plan.put(r, c, styled_label(h, v["label"]) if v["label"] in ("break", "spaced", "padded") else h)
    r += 1
    rows = t["indicatorSets"][0]["rows"]
    level_block(plan, r, rows, 0, 1, v["level"])
    for i, x in enumerate(rows):
        plan.put(r + i, 2, x["name"]); plan.put(r + i, 3, x.get("description"))
        plan.put(r + i, 4, x["value"]); plan.put(r + i, 5, x.get("basis"))
    plan.row = r + len(rows)
    plan.widths = {0: 12, 1: 16, 2: 26, 3: 30, 4: 16, 5: 20}


def form_xinhua(plan, t, v):
    """Layouts C and C′: title with 单位：万元, 项目编码/名称, funds, 资金用途, spending plan in %, 绩效目标 with
    sub-labels, six indicator columns (描述 over two)."""
    L = lambda s: styled_label(s, v["label"])
    r = plan.row
    unit = t.get("amountUnit")
    plan.put(r, 0, t.get("title")); plan.merge(r, 0, r, 5)
    if unit and v["numeric"]:
        plan.put(r, 6, "单位：" + unit)
    r += 1
    if unit and not v["numeric"]:
        plan.put(r, 6, "单位：" + unit); r += 1
    plan.put(r, 0, L("项目编码")); plan.put(r, 1, t.get("projectCode"))
    plan.put(r, 2, L(t.get("_nameLabel", "项目名称"))); plan.put(r, 3, t["projectName"]); plan.merge(r, 3, r, 6); r += 1
    f = t.get("annualFunds", {})

    def funds_row(r):
        for c, (label, key) in enumerate((("预算数", "total"), ("其中：财政资金", "fiscal"), ("其他资金", "other"))):
            plan.put(r, 1 + 2 * c, label)
            if key in f:
                value, kind = amount_cell(f[key], v["numeric"])
                plan.put(r, 2 + 2 * c, value, kind)
    points = t.get("spendingPlan", {}).get("points", [])

    def plan_rows(r):
        for c, p in enumerate(points):
            plan.put(r, 1 + c, p["label"])
            if "value" in p:
                value, kind = amount_cell(p["value"], v["numeric"] and not p["value"].endswith("%"))
                plan.put(r + 1, 1 + c, value, "int" if kind == "amount" else kind)
    if t.get("_form") == "C'":
        plan.put(r, 0, L("项目资金主要用途")); plan.put(r, 1, t.get("fundUse")); plan.merge(r, 1, r, 6); r += 1
        plan.put(r, 0, L("资金支出计划")); plan.merge(r, 0, r + 2, 0)
        funds_row(r); r += 1
        plan_rows(r); r += 2
    else:
        plan.put(r, 0, L("预算规模及资金用途")); plan.merge(r, 0, r + 1, 0)
        funds_row(r); r += 1
        plan.put(r, 1, "资金用途"); plan.put(r, 2, t.get("fundUse")); plan.merge(r, 2, r, 6); r += 1
        plan.put(r, 0, "资金支出计划（%）"); plan.merge(r, 0, r + 1, 0)
        plan_rows(r); r += 2
    items = t["goals"]["items"]
    if items:
        plan.put(r, 0, L("绩效目标")); plan.merge(r, 0, r + len(items) - 1, 0)
        for i in items:
            plan.put(r, 1, i["label"]); plan.put(r, 2, i["text"]); plan.merge(r, 2, r, 6); r += 1
    elif t.get("_form") == "C'":
        plan.put(r, 0, L("绩效目标")); plan.put(r, 1, t["goals"].get("annual")); plan.merge(r, 1, r, 6); r += 1
    else:
        plan.put(r, 0, L("绩效目标")); plan.put(r, 1, "目标"); plan.put(r, 2, t["goals"].get("annual")); plan.merge(r, 2, r, 6); r += 1
    for c, h in ((0, "一级指标"), (1, "二级指标"), (2, "三级指标"), (3, "绩效指标描述"), (5, "指标值"), (6, "指标值确定依据")):
        plan.put(r, c, styled_label(h, v["label"]) if v["label"] in ("break", "spaced", "padded") else h)
    plan.merge(r, 3, r, 4)
    r += 1
    rows = t["indicatorSets"][0]["rows"]
    level_block(plan, r, rows, 0, 1, v["level"])
    for i, x in enumerate(rows):
        plan.put(r + i, 2, x["name"]); plan.put(r + i, 3, x.get("description")); plan.merge(r + i, 3, r + i, 4)
        plan.put(r + i, 5, x["value"]); plan.put(r + i, 6, x.get("basis"))
    plan.row = r + len(rows)
    plan.widths = {0: 14, 1: 12, 2: 20, 3: 14, 4: 14, 5: 12, 6: 16}


def form_liaocheng(plan, t, v):
    """Layouts D1 (其他运转类: unit code and name, 预算规模及资金用途, plan with a spacer column, description over three
    columns) and D2 (特定目标类: [department] line, 项目单位, 年度资金总额, 资金用途)."""
    L = lambda s: styled_label(s, v["label"])
    d2 = t.get("_form") == "D2"
    width = 5 if d2 else 7
    r = plan.row
    plan.put(r, 0, "项目绩效目标表"); plan.merge(r, 0, r, width - 1); r += 1
    plan.put(r, 0, "（%d 年度）" % t["fiscalYear"] if v["numeric"] else "(%d年度)" % t["fiscalYear"]); plan.merge(r, 0, r, width - 1); r += 1
    gap = " " if v["level"] != "repeat" else ""
    if d2:
        dept = t["supervisingDepartment"]
        plan.put(r, 0, "[%s]%s%s" % (dept["code"], gap, dept["name"])); plan.merge(r, 0, r, 3)
    else:
        unit = t["implementingUnit"]
        plan.put(r, 0, "%s %s" % (unit["code"], unit["name"])); plan.merge(r, 0, r, 4)
    plan.put(r, width - 1 if d2 else 5, "单位：" + t["amountUnit"] if v["label"] != "colon-ascii" else "单位: " + t["amountUnit"])
    if not d2:
        plan.merge(r, 5, r, 6)
    r += 1
    plan.put(r, 0, L(t.get("_codeLabel", "项目编码"))); plan.put(r, 1, t.get("projectCode"))
    if d2:
        plan.put(r, 2, L("项目名称")); plan.put(r, 3, t["projectName"]); plan.merge(r, 3, r, 4); r += 1
        unit = t["implementingUnit"]
        plan.put(r, 0, L("项目单位")); plan.put(r, 1, "[%s]%s" % (unit["code"], unit["name"]))
        plan.put(r, 2, L("年度资金总额"))
        value, kind = amount_cell(t["annualFunds"]["total"], v["numeric"])
        plan.put(r, 3, value, kind); plan.merge(r, 3, r, 4); r += 1
        plan.put(r, 0, L("资金用途")); plan.put(r, 1, t.get("fundUse")); plan.merge(r, 1, r, 4); r += 1
        columns = [(1, 1), (2, 2), (3, 3), (4, 4)]
    else:
        plan.merge(r, 1, r, 2)
        plan.put(r, 3, L("项目名称")); plan.put(r, 4, t["projectName"]); plan.merge(r, 4, r, 6); r += 1
        plan.put(r, 0, L("预算规模及资金用途")); plan.merge(r, 0, r + 1, 0)
        f = t.get("annualFunds", {})
        for c, (label, key) in enumerate((("预算数", "total"), ("其中：财政资金", "fiscal"), ("其他资金", "other"))):
            plan.put(r, 1 + 2 * c, label)
            if key in f:
                value, kind = amount_cell(f[key], v["numeric"])
                plan.put(r, 2 + 2 * c, value, kind)
        r += 1
        plan.put(r, 1, t.get("fundUse")); plan.merge(r, 1, r, 6); r += 1
        columns = [(1, 2), (3, 3), (4, 4), (5, 6)]
    plan.put(r, 0, L("资金支出计划")); plan.merge(r, 0, r + 1, 0)
    for (a, b), p in zip(columns, t.get("spendingPlan", {}).get("points", [])):
        plan.put(r, a, p["label"]); plan.merge(r, a, r, b)
        if "value" in p:
            value, kind = amount_cell(p["value"], v["numeric"])
            plan.put(r + 1, a, value, kind)
        plan.merge(r + 1, a, r + 1, b)
    r += 2
    plan.put(r, 0, L("绩效目标")); plan.put(r, 1, t["goals"].get("annual")); plan.merge(r, 1, r, width - 1); r += 1
    headers = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"]
    for c, h in zip((0, 1, 2, 3, width - 1), headers):
        plan.put(r, c, styled_label(h, v["label"]) if v["label"] in ("break", "spaced", "padded") else h)
    if not d2:
        plan.merge(r, 3, r, 5)
    r += 1
    rows = t["indicatorSets"][0]["rows"]
    level_block(plan, r, rows, 0, 1, v["level"])
    for i, x in enumerate(rows):
        plan.put(r + i, 2, x["name"]); plan.put(r + i, 3, x.get("description")); plan.put(r + i, width - 1, x["value"])
        if not d2:
            plan.merge(r + i, 3, r + i, 5)
    plan.row = r + len(rows)
    plan.widths = {0: 14, 1: 14, 2: 22, 3: 16, 4: 16, 5: 10, 6: 14} if not d2 else {0: 14, 1: 16, 2: 24, 3: 30, 4: 14}


def form_liaocheng_strategic(plan, t, v):
    """Layout E1: title naming the department, 部门名称 line, 战略目标, a header four rows deep (指标参考值 → 标准值 /
    历史值 → 规划值, 当年标准值 → 标准值 / 来源, 前三年均值, 上年值, 来源/其他), eleven leaf columns."""
    r = plan.row
    plan.put(r, 0, t["title"]); plan.merge(r, 0, r, 10); r += 1
    plan.put(r, 0, ("部门名称：" if v["label"] != "colon-ascii" else "部门名称:") + t["departmentName"]); plan.merge(r, 0, r, 10); r += 1
    if "strategicGoal" in t:
        plan.put(r, 0, styled_label("战略目标", v["label"])); plan.put(r, 1, t["strategicGoal"]); plan.merge(r, 1, r, 10); r += 1
    # The header.
    for c, h in ((0, "序号"), (1, "指标"), (2, "指标解释"), (3, "年度指标值"), (10, "备注 (数据来源及口径说明, 或者无数据原因)")):
        plan.put(r, c, h); plan.merge(r, c, r + 3, c)
    plan.put(r, 4, "指标参考值"); plan.merge(r, 4, r, 9)
    plan.put(r + 1, 4, "标准值 (规划目标、行业标准或其他明确)"); plan.merge(r + 1, 4, r + 1, 6)
    plan.put(r + 1, 7, "历史值 (统计年鉴/统计公报/内部统计/其他需明确的来源)"); plan.merge(r + 1, 7, r + 1, 9)
    plan.put(r + 2, 4, "规划值"); plan.merge(r + 2, 4, r + 3, 4)
    plan.put(r + 2, 5, "当年标准值"); plan.merge(r + 2, 5, r + 2, 6)
    plan.put(r + 3, 5, "标准值"); plan.put(r + 3, 6, "来源")
    for c, h in ((7, "前三年均值"), (8, "上年值"), (9, "来源/其他")):
        plan.put(r + 2, c, h); plan.merge(r + 2, c, r + 3, c)
    r += 4
    keys = ["planned", "currentStandard", "currentStandardSource", "threeYearAverage", "lastYear", "historySource"]
    for x in t["rows"]:
        seq = x["seq"]
        plan.put(r, 0, int(seq) if v["numeric"] and seq.isdigit() else seq, "int" if v["numeric"] and seq.isdigit() else "text")
        plan.put(r, 1, x["indicator"]); plan.put(r, 2, x.get("explanation")); plan.put(r, 3, x["annualTarget"])
        for c, k in enumerate(keys):
            plan.put(r, 4 + c, x["reference"].get(k))
        plan.put(r, 10, x.get("remark"))
        r += 1
    plan.row = r
    plan.widths = {0: 6, 1: 24, 2: 30, 3: 12, 4: 12, 5: 12, 6: 24, 7: 12, 8: 12, 9: 14, 10: 20}


def form_yongqing_department(plan, t, v):
    """Layout F1: title, a two-row header with 指标值 over 符号 / 值 / 单位, 评（扣）分标准, 指标值确定依据."""
    r = plan.row
    plan.put(r, 0, t["title"]); plan.merge(r, 0, r, 8); r += 1
    brk = v["label"] in ("break", "spaced", "padded")
    for c, h in ((0, "一级指标"), (1, "二级指标"), (2, "三级指标"), (3, "评（扣）分标准"), (4, "绩效指标描述"), (8, "指标值确定依据")):
        plan.put(r, c, styled_label(h, "break") if brk else h); plan.merge(r, c, r + 1, c)
    plan.put(r, 5, "指标值"); plan.merge(r, 5, r, 7)
    for c, h in ((5, "符号"), (6, "值"), (7, "单位")):
        plan.put(r + 1, c, h)
    r += 2
    rows = t["indicators"]["rows"]
    level_block(plan, r, rows, 0, 1, v["level"])
    for i, x in enumerate(rows):
        split = x["value"]["split"]
        plan.put(r + i, 2, x["name"]); plan.put(r + i, 3, x.get("scoringRule")); plan.put(r + i, 4, x.get("description"))
        plan.put(r + i, 5, split["symbol"])
        number = split["number"]
        if v["numeric"] and number:
            plan.put(r + i, 6, float(number), "amount")
        else:
            plan.put(r + i, 6, number)
        plan.put(r + i, 7, split["unit"]); plan.put(r + i, 8, x.get("basis"))
    plan.row = r + len(rows)
    plan.widths = {0: 10, 1: 10, 2: 20, 3: 16, 4: 24, 5: 7, 6: 9, 7: 14, 8: 12}


def form_liaocheng_performance(plan, t, v):
    """Layout E2: title naming the department, a header four rows deep, 17 leaf columns (部门职责 over duty and
    sub-duty) or 16 (部门职责 one column). 职责序号 and 部门职责 are written once per duty (merged, once, or repeated
    by variation); 子职责 and 科室 blanks are left blank (there a blank means empty)."""
    wide = t.get("_form") != "16"
    d = 1 if wide else 0  # columns after 部门职责 shift by one in the 17-column form
    last = 15 + d
    r = plan.row
    plan.put(r, 0, "%d年度%s整体绩效目标表" % (t["fiscalYear"], t["departmentName"])); plan.merge(r, 0, r, last); r += 1
    singles = [(0, "职责序号"), (2 + d, "职责目标"), (3 + d, "绩效指标"), (4 + d, "指标解释"), (5 + d, "年度指标值"),
               (12 + d, "备注 (标准值和历史值均无的原因/其他需要说明的问题)"), (13 + d, "工作活动"), (14 + d, "预算项目"), (15 + d, t["officeCaption"])]
    for c, h in singles:
        plan.put(r, c, styled_label(h, "break") if v["label"] == "break" and len(h) <= 5 else h); plan.merge(r, c, r + 3, c)
    plan.put(r, 1, "部门职责"); plan.merge(r, 1, r + 3, 1 + d)
    plan.put(r, 6 + d, "指标参考值"); plan.merge(r, 6 + d, r, 11 + d)
    plan.put(r + 1, 6 + d, "标准值 (规划目标、行业标准或其他明确标准)"); plan.merge(r + 1, 6 + d, r + 1, 8 + d)
    plan.put(r + 1, 9 + d, "历史值 (统计年鉴/统计公报/内部统计/其他需明确的来源)"); plan.merge(r + 1, 9 + d, r + 1, 11 + d)
    plan.put(r + 2, 6 + d, "规划值"); plan.merge(r + 2, 6 + d, r + 3, 6 + d)
    plan.put(r + 2, 7 + d, "当年标准值"); plan.merge(r + 2, 7 + d, r + 2, 8 + d)
    plan.put(r + 3, 7 + d, "标准值"); plan.put(r + 3, 8 + d, "来源")
    for c, h in ((9 + d, "前三年均值"), (10 + d, "上年值"), (11 + d, "来源")):
        plan.put(r + 2, c, h); plan.merge(r + 2, c, r + 3, c)
    r += 4
    rows = t["rows"]
    # 职责序号 and 部门职责: as written in the source rows (blank on a continuation row), styled by variation.
    written = [dict(x["_raw"]) for x in rows] if "_raw" in rows[0] else [dict(x) for x in rows]
    for i, x in enumerate(rows):
        written[i]["dutySeq"], written[i]["duty"] = x.get("dutySeq", ""), x.get("duty", "")
    level_block(plan, r, [{"a": w["dutySeq"], "b": w["duty"]} for w in written], 0, 1, v["level"], key1="a", key2="b")
    ref = ["planned", "currentStandard", "currentStandardSource", "threeYearAverage", "lastYear", "historySource"]
    for i, x in enumerate(rows):
        if wide:
            plan.put(r + i, 2, x.get("dutyDetail"))
        plan.put(r + i, 2 + d, x.get("dutyGoal")); plan.put(r + i, 3 + d, x["indicator"]); plan.put(r + i, 4 + d, x.get("explanation"))
        plan.put(r + i, 5 + d, x["annualTarget"])
        for k, key in enumerate(ref):
            plan.put(r + i, 6 + d + k, x["reference"].get(key))
        plan.put(r + i, 12 + d, x.get("remark")); plan.put(r + i, 13 + d, x.get("workActivities"))
        plan.put(r + i, 14 + d, x.get("budgetProjects")); plan.put(r + i, 15 + d, x.get("office"))
    plan.row = r + len(rows)
    plan.widths = {c: 12 for c in range(last + 1)}


FORMS = {"liaocheng": form_liaocheng, "xinhua": form_xinhua, "changqing": form_changqing, "pingyin": form_pingyin, "yongqing": form_yongqing}


FOOTERS = [
    [["注：金额单位为万元。"]],
    [["填报人：张丽", None, "联系电话：0635-8236615", None, "审核人：王强"]],
    [["填报单位（盖章）：", None, "填报日期：2023年1月5日"]],
]


def footer(plan, t, k):
    """Note and signature lines under a table (they belong to it: kept as its known lines)."""
    for line in FOOTERS[k % len(FOOTERS)]:
        for c, text in enumerate(line):
            if text:
                plan.put(plan.row, c, text)
                label, _, value = text.partition("：")
                t.setdefault("extras", []).append({"label": label, "value": value})
        plan.row += 1


def form_for(region, kind):
    if region == "pingyin" and kind == "projectList":
        return form_pingyin_list
    if kind == "departmentStrategic":
        return form_liaocheng_strategic
    if kind == "departmentIndicators":
        return form_yongqing_department
    if kind == "departmentPerformance":
        return form_liaocheng_performance
    return FORMS[region]


# ---------------------------------------------------------------------------------------------------------------
# Writers

def sheet_title(name, used):
    name = re.sub(r"[\[\]:*?/\\]", "", name)[:31] or "Sheet"
    base, k = name, 2
    while name in used:
        suffix = "(%d)" % k
        name = base[:31 - len(suffix)] + suffix
        k += 1
    used.add(name)
    return name


FIXED_TIME = datetime.datetime(2024, 1, 1)


def reproducible(path):
    """Rewrites the zip with fixed entry times, so that generating the corpus again gives the same bytes (and git
    sees only real changes)."""
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time as modified.
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            z.writestr(fixed, data)


def write_openpyxl(path, sheets):
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.remove(wb.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name="宋体", size=11)
    for name, plan in sheets:
        ws = wb.create_sheet(name)
        for (r, c), (value, kind) in sorted(plan.cells.items()):
            cell = ws.cell(row=r + 1, column=c + 1, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # `=20年` is a target value, not a formula
            cell.font = font
            cell.border = border
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if kind == "amount":
                cell.number_format = "#,##0.00"
            elif kind.startswith("percent"):
                decimals = int(kind[len("percent"):])
                cell.number_format = "0." + "0" * decimals + "%" if decimals else "0%"
            elif kind.startswith("date:"):
                # A value Chinese Excel turned into a date as it was typed (`2023年12月`): the serial, with the format
                # that shows it as typed.
                cell.number_format = kind[len("date:"):]
            elif kind.startswith("format:"):
                # A number in a format of the clerk's choosing (foreign.py: the 货币 format `"¥"#,##0.00`).
                cell.number_format = kind[len("format:"):]
        for r1, c1, r2, c2 in plan.merges:
            ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
        for c, w in plan.widths.items():
            ws.column_dimensions[get_column_letter(c + 1)].width = w
        # Rows and columns a clerk hid (foreign.py: last year's indicators hidden instead of deleted).
        for r in getattr(plan, "hidden_rows", ()):
            ws.row_dimensions[r + 1].hidden = True
        for c in getattr(plan, "hidden_columns", ()):
            ws.column_dimensions[get_column_letter(c + 1)].hidden = True
    wb.save(path)
    reproducible(path)


def write_xlsxwriter(path, sheets):
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"created": FIXED_TIME})
    text = wb.add_format({"font_name": "仿宋_GB2312", "border": 1, "text_wrap": True, "valign": "vcenter"})
    amount = wb.add_format({"font_name": "仿宋_GB2312", "border": 1, "num_format": "#,##0.00", "valign": "vcenter"})
    percent = {d: wb.add_format({"font_name": "仿宋_GB2312", "border": 1, "valign": "vcenter",
                                 "num_format": "0." + "0" * d + "%" if d else "0%"}) for d in range(4)}
    for name, plan in sheets:
        ws = wb.add_worksheet(name)
        merged_at = {}
        for r1, c1, r2, c2 in plan.merges:
            merged_at[(r1, c1)] = (r2, c2)
        covered = set()
        for (r1, c1), (r2, c2) in merged_at.items():
            value, kind = plan.cells.get((r1, c1), ("", "text"))
            ws.merge_range(r1, c1, r2, c2, value, amount if kind == "amount" else text)
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    covered.add((r, c))
        for (r, c), (value, kind) in sorted(plan.cells.items()):
            if (r, c) in covered and kind != "covered":
                continue
            if kind == "covered":   # text kept under a merge, as LibreOffice keeps the hidden cells' contents
                ws.write_string(r, c, value, text)
            elif kind in ("amount", "int"):
                ws.write_number(r, c, value, amount if kind == "amount" else text)
            elif kind.startswith("percent"):
                ws.write_number(r, c, value, percent[int(kind[len("percent"):])])
            elif kind.startswith("date:"):
                ws.write_datetime(r, c, value, wb.add_format({"font_name": "仿宋_GB2312", "border": 1, "num_format": kind[len("date:"):]}))
            else:
                ws.write_string(r, c, value, text)
        for c, w in plan.widths.items():
            ws.set_column(c, c, w)
    wb.close()
    reproducible(path)


# ---------------------------------------------------------------------------------------------------------------

def variation(i):
    return {"label": LABEL_STYLES[i % len(LABEL_STYLES)], "level": LEVEL_STYLES[i % len(LEVEL_STYLES)],
            "numeric": i % 2 == 1, "writer": ["openpyxl", "xlsxwriter"][(i // 2) % 2]}


def document(items):
    def public(x):
        if isinstance(x, dict):
            return {k: public(v) for k, v in x.items() if not k.startswith("_")}
        if isinstance(x, list):
            return [public(v) for v in x]
        return x
    return {"schemaVersion": 1, "tables": [{"kind": kind, "table": public(t)} for kind, t in items]}


def emit(name, sheets, items, writer):
    path = os.path.join(OUT, name + ".xlsx")
    (write_openpyxl if writer == "openpyxl" else write_xlsxwriter)(path, sheets)
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as h:
        json.dump(document(items), h, ensure_ascii=False, indent=1)
        h.write("\n")


def main():
    if os.path.isdir(OUT):
        for f in os.listdir(OUT):
            # The LibreOffice and gnumeric re-saves (resave.sh) are kept: they need those programs to remake.
            if (f.endswith(".xlsx") or f.endswith(".json")) and "-libreoffice." not in f and "-gnumeric." not in f:
                os.remove(os.path.join(OUT, f))
    os.makedirs(OUT, exist_ok=True)
    count = 0
    tables = seeds.all_tables()
    for region, items in tables.items():
        # One table per workbook, each with its own variation.
        for i, (kind, t) in enumerate(items):
            v = variation(i)
            plan = Plan(8)
            form_for(region, kind)(plan, t, v)
            if i % 3 == 2:
                t = dict(t, extras=[])
                footer(plan, t, i // 3)
            sheets = [("Sheet1", plan)]
            if i % 4 == 3:
                sheets.append(("Sheet2", Plan(1)))  # an empty extra sheet
            emit("%s-%02d-single" % (region, i + 1), sheets, [(kind, t)], v["writer"])
            count += 1
        projects = [(k, t) for k, t in items if k == "project"]
        # One table per sheet, sheets named after the projects.
        v = variation(len(projects))
        used = set()
        sheets = []
        for k, t in projects:
            plan = Plan(8)
            form_for(region, k)(plan, t, v)
            sheets.append((sheet_title(t.get("projectName", "表"), used), plan))
        emit("%s-sheets" % region, sheets, projects, "xlsxwriter")
        count += 1
        # 2–4 tables stacked in one sheet, 1–3 blank rows between.
        k, g = 0, 0
        while k < len(projects):
            size = 2 + g % 3
            group = projects[k:k + size]
            v = variation(g + 1)
            plan = Plan(8)
            written = []
            for j, (kind, t) in enumerate(group):
                if j:
                    plan.row += 1 + (g + j) % 3
                form_for(region, kind)(plan, t, v)
                if (g + j) % 2 == 1:
                    # Between stacked tables the footer must stay with the table above, not start the next.
                    t = dict(t, extras=[])
                    footer(plan, t, g + j)
                written.append((kind, t))
            emit("%s-stacked-%02d" % (region, g + 1), [("Sheet1", plan)], written, v["writer"])
            count += 1
            k += size
            g += 1
    # The performance tables once more with 职责序号 and 部门职责 written once per duty (their own variation gives
    # them merged and repeated): the blanks below must be filled down, marked as inferred.
    for i, (kind, t) in enumerate(k_t for k_t in tables["liaocheng"] if k_t[0] == "departmentPerformance"):
        v = dict(variation(i), level="once")
        plan = Plan(8)
        form_for("liaocheng", kind)(plan, t, v)
        emit("liaocheng-performance-once-%02d" % (i + 1), [("Sheet1", plan)], [(kind, t)], v["writer"])
        count += 1
    # Project tables with their percentages typed into Excel (numbers with 0% / 0.0% formats), both writers:
    # 平阴, 长清 (92.5%), 新华 (4.0%), the first 聊城 tables.
    for region, limit in (("pingyin", 99), ("changqing", 99), ("xinhua", 99), ("liaocheng", 12)):
        projects = [k_t for k_t in tables[region] if k_t[0] == "project"][:limit]
        for i, (kind, t) in enumerate(projects):
            v = variation(i)
            plan = Plan(8)
            with_typed_percentages(form_for(region, kind))(plan, t, v)
            emit("%s-percent-%02d" % (region, i + 1), [("Sheet1", plan)], [(kind, t)], v["writer"])
            count += 1
    # 平阴 tables with the budget system's indicator columns (指标性质 / 指标值 / 度量单位, 权重, 指标解释):
    # comparators as words with numeric amounts, as signs with text amounts.
    for i, (kind, t) in enumerate(k_t for k_t in tables["pingyin"] if k_t[0] == "project"):
        t = copy.deepcopy(t)
        v = variation(i)
        plan = Plan(9)
        form_pingyin_columns(plan, t, v)
        emit("pingyin-columns-%02d" % (i + 1), [("Sheet1", plan)], [(kind, t)], v["writer"])
        count += 1
    with open(os.path.join(OUT, "EXCLUDED.md"), "w", encoding="utf-8") as h:
        h.write("# Seed tables left out of the corpus\n\n")
        if not seeds.EXCLUDED:
            h.write("None of the regions generated so far.\n")
        for seed, title, reason in seeds.EXCLUDED:
            h.write("- %s %s: %s\n" % (seed, title, reason))
    print("%d workbooks in %s" % (count, OUT))


if __name__ == "__main__":
    main()
