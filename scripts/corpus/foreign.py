"""Writes goal tables in forms that none of GoalBridge's layouts describes (Tests/BridgeTests/Fixtures/foreign):
the national 项目支出绩效目标申报表 with 中期 and 年度 side by side, an export of the 预算管理一体化 system
(指标性质 / 指标值 / 度量单位 / 权重), and a provincial 申报表 with one 指标值 column, 分值 and 评（扣）分标准; and the
一体化 system's flat indicator file (one row per 三级指标, codes as numbers) with the tables it holds, derived here
from the seed text.
Importing them must not pass silently: the importer says it cannot tell the layout — except the provincial form,
for which a layout now ships (provincial-declaration.json, with the expected document from the seed text).

    python3 scripts/corpus/foreign.py [OUT]
"""
import json
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from generate import Plan, document, reproducible, form_changqing, form_liaocheng, form_liaocheng_performance, form_yongqing_department, form_pingyin, form_pingyin_columns, form_xinhua, form_yongqing, variation, \
    write_openpyxl, write_xlsxwriter  # noqa: E402
import seeds  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Tests", "BridgeTests", "Fixtures", "foreign")


def table():
    return next(t for k, t in seeds.all_tables()["pingyin"] if k == "project")


def national(t):
    p = Plan(8)
    rows = t["indicatorSets"][0]["rows"]
    r = 0
    p.put(r, 0, "项目支出绩效目标申报表"); p.merge(r, 0, r, 7); r += 1
    p.put(r, 0, "（2024年度）"); p.merge(r, 0, r, 7); r += 1
    p.put(r, 0, "项目名称"); p.put(r, 1, t["projectName"]); p.merge(r, 1, r, 7); r += 1
    p.put(r, 0, "主管部门及代码"); p.put(r, 1, "[012]" + t["supervisingDepartment"]["name"]); p.merge(r, 1, r, 3)
    p.put(r, 4, "实施单位"); p.put(r, 5, t["implementingUnit"]["name"]); p.merge(r, 5, r, 7); r += 1
    p.put(r, 0, "项目负责人"); p.put(r, 1, "张明"); p.merge(r, 1, r, 3); p.put(r, 4, "联系电话"); p.put(r, 5, "0531-87654321"); p.merge(r, 5, r, 7); r += 1
    p.put(r, 0, "项目属性"); p.put(r, 1, "新增"); p.merge(r, 1, r, 3); p.put(r, 4, "项目期"); p.put(r, 5, "3年"); p.merge(r, 5, r, 7); r += 1
    p.put(r, 0, "项目资金\n（万元）"); p.merge(r, 0, r + 2, 0)
    for label, value in (("中期资金总额：", "3000"), ("其中：财政拨款", "3000"), ("其他资金", "0")):
        p.put(r, 1, label); p.put(r, 2, value); p.merge(r, 2, r, 3)
        p.put(r, 4, label.replace("中期", "年度")); p.put(r, 5, value.replace("3000", "1000")); p.merge(r, 5, r, 7)
        r += 1
    p.put(r, 0, "总体目标"); p.merge(r, 0, r + 1, 0)
    p.put(r, 1, "中期目标（2024年－2026年）"); p.merge(r, 1, r, 4); p.put(r, 5, "年度目标"); p.merge(r, 5, r, 7); r += 1
    p.put(r, 1, "目标1：" + t["goals"]["annual"]); p.merge(r, 1, r, 4); p.put(r, 5, "目标1：" + t["goals"]["annual"]); p.merge(r, 5, r, 7); r += 1
    p.put(r, 0, "绩效指标"); p.merge(r, 0, r + len(rows), 0)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"]):
        p.put(r, c + 1, h)
    r += 1
    for i, x in enumerate(rows):
        p.put(r + i, 1, x["level1Raw"]); p.put(r + i, 2, x["level2Raw"]); p.put(r + i, 3, x["name"]); p.put(r + i, 4, x["value"])
        p.put(r + i, 5, x["level2Raw"]); p.put(r + i, 6, x["name"]); p.put(r + i, 7, x["value"])
    return p


SYSTEM_NATURE = {1: "大于等于", 2: "大于", 3: "等于", 4: "小于", 5: "小于等于", 6: "定性"}


def system_export(t):
    """The 一体化 system's project goal table export: 编码-名称 cells, funds by source with six decimals, 指标性质 in
    the system's words, the number in 指标值 and the unit in 度量单位, 权重 and 指标解释."""
    p = Plan(8)
    rows = t["indicatorSets"][0]["rows"]
    r = 0
    p.put(r, 0, "项目绩效目标"); p.merge(r, 0, r, 7); r += 1
    p.put(r, 0, "项目名称"); p.put(r, 1, "37152424000000012345-" + t["projectName"]); p.merge(r, 1, r, 7); r += 1
    p.put(r, 0, "主管部门"); p.put(r, 1, "012-" + t["supervisingDepartment"]["name"]); p.merge(r, 1, r, 3)
    p.put(r, 4, "实施单位"); p.put(r, 5, "012001-" + t["implementingUnit"]["name"]); p.merge(r, 5, r, 7); r += 1
    p.put(r, 0, "资金总额"); p.put(r, 1, "1000.000000"); p.put(r, 2, "财政资金"); p.put(r, 3, "950.000000")
    p.put(r, 4, "财政专户管理资金"); p.put(r, 5, "0.000000"); p.put(r, 6, "单位资金"); p.put(r, 7, "30.000000"); r += 1
    p.put(r, 0, "其他资金"); p.put(r, 1, "20.000000"); p.merge(r, 1, r, 7); r += 1
    p.put(r, 0, "年度目标"); p.put(r, 1, t["goals"]["annual"]); p.merge(r, 1, r, 7); r += 1
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标解释"]):
        p.put(r, c, h)
    r += 1
    for x in rows:
        code, _, value, unit = flat_split(x["value"])
        p.put(r, 0, x["level1Raw"]); p.put(r, 1, x["level2Raw"]); p.put(r, 2, x["name"])
        p.put(r, 3, SYSTEM_NATURE[code]); p.put(r, 4, value); p.put(r, 5, unit); p.put(r, 6, "10"); p.put(r, 7, x["name"])
        r += 1
    return p


def system_export_expected(t):
    """What the export holds, from the seed text and the figures written above."""
    rows = []
    for x in t["indicatorSets"][0]["rows"]:
        code, _, value, unit = flat_split(x["value"])
        symbol = {1: "≥", 2: ">", 3: "=", 4: "<", 5: "≤", 6: ""}[code]
        rows.append(dict(level1Raw=x["level1Raw"], level2Raw=x["level2Raw"], name=x["name"], value=symbol + value + unit,
                         weight="10", description=x["name"]))
    return {"projectCode": "37152424000000012345", "projectName": t["projectName"],
            "supervisingDepartment": {"name": t["supervisingDepartment"]["name"], "code": "012"},
            "implementingUnit": {"name": t["implementingUnit"]["name"], "code": "012001"},
            "annualFunds": {"total": "1000.000000", "fiscal": "950.000000", "specialAccount": "0.000000", "unitOwn": "30.000000",
                            "other": "20.000000"},
            "goals": {"annual": t["goals"]["annual"], "items": []}, "indicatorSets": [{"scope": "annual", "rows": rows}],
            "extras": []}


def provincial_head(p, t, width):
    """The provincial form's title and fixed rows over `width` columns; returns the next row."""
    last, half = width - 1, width // 2
    r = 0
    p.put(r, 0, "项目支出绩效目标申报表"); p.merge(r, 0, r, last); r += 1
    p.put(r, 0, "项目名称"); p.put(r, 1, t["projectName"]); p.merge(r, 1, r, last); r += 1
    p.put(r, 0, "主管部门"); p.put(r, 1, t["supervisingDepartment"]["name"]); p.merge(r, 1, r, half - 1)
    p.put(r, half, "实施单位"); p.put(r, half + 1, t["implementingUnit"]["name"]); p.merge(r, half + 1, r, last); r += 1
    p.put(r, 0, "年度资金总额"); p.put(r, 1, "1000"); p.merge(r, 1, r, last); r += 1
    p.put(r, 0, "年度目标"); p.put(r, 1, t["goals"]["annual"]); p.merge(r, 1, r, last); r += 1
    return r


def provincial(t):
    p = Plan(6)
    rows = t["indicatorSets"][0]["rows"]
    r = provincial_head(p, t, 6)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "分值", "评（扣）分标准"]):
        p.put(r, c, h)
    r += 1
    for x in rows:
        p.put(r, 0, x["level1Raw"]); p.put(r, 1, x["level2Raw"]); p.put(r, 2, x["name"]); p.put(r, 3, x["value"])
        p.put(r, 4, "10"); p.put(r, 5, "完成得满分，未完成按比例扣分")
        r += 1
    return p


def department_declaration():
    """The national 部门（单位）整体支出绩效目标申报表: 年度主要任务 as rows of 任务名称/主要内容, 年度预算申请 by 收入性质
    (一般公共预算/政府性基金/其他) and 支出性质 (基本支出/项目支出), 年度总体目标, then the 永清 department's indicators.
    A layout ships for it (department-declaration.json)."""
    d = next(t for k, t in seeds.all_tables()["yongqing"] if k == "departmentIndicators")
    rows = d["indicators"]["rows"]
    p = Plan(8)
    r = 0
    p.put(r, 0, "部门（单位）整体支出绩效目标申报表"); p.merge(r, 0, r, 7); r += 1
    p.put(r, 0, "（2021年度）"); p.merge(r, 0, r, 7); r += 1
    p.put(r, 0, "部门（单位）名称"); p.put(r, 1, "河北永清经济开发区管理委员会"); p.merge(r, 1, r, 7); r += 1
    p.put(r, 0, "年度主要任务"); p.merge(r, 0, r + 3, 0)
    p.put(r, 1, "任务名称"); p.merge(r, 1, r, 2); p.put(r, 3, "主要内容"); p.merge(r, 3, r, 7); r += 1
    for name, text in (("招商引资", "全年引进项目 20 个"), ("基础设施建设", "完成园区道路 3 条"), ("营商环境", "企业服务事项办结率 100%")):
        p.put(r, 1, name); p.merge(r, 1, r, 2); p.put(r, 3, text); p.merge(r, 3, r, 7); r += 1
    p.put(r, 0, "年度预算申请（万元）"); p.merge(r, 0, r + 2, 0)
    p.put(r, 1, "资金总额"); p.merge(r, 1, r + 1, 1)
    p.put(r, 2, "按收入性质分"); p.merge(r, 2, r, 4); p.put(r, 5, "按支出性质分"); p.merge(r, 5, r, 7); r += 1
    for c, h in enumerate(["一般公共预算", "政府性基金", "其他", "基本支出", "项目支出"]):
        p.put(r, c + 2, h)
    r += 1
    for c, v in enumerate(["5000", "4000", "800", "200", "1500", "3500"]):
        p.put(r, c + 1, v)
    r += 1
    p.put(r, 0, "年度总体目标"); p.put(r, 1, "完成年度招商、建设和服务任务。"); p.merge(r, 1, r, 7); r += 1
    p.put(r, 0, "年度绩效指标"); p.merge(r, 0, r + len(rows), 0)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
        p.put(r, c + 1, h)
    p.merge(r, 4, r, 7)
    r += 1
    for x in rows:
        p.put(r, 1, x["level1Raw"]); p.put(r, 2, x["level2Raw"]); p.put(r, 3, x["name"]); p.put(r, 4, x["value"]["raw"] if isinstance(x["value"], dict) else x["value"]); p.merge(r, 4, r, 7)
        r += 1
    return p


def department_titled():
    """The 部门整体 申报表 as a department fills it: its name and the year in the title, the 名称 cell left blank."""
    body = department_declaration()
    p = Plan(8)
    title = "河北永清经济开发区管理委员会2021年度部门（单位）整体支出绩效目标申报表"
    for (r, c), (value, kind) in body.cells.items():
        if r == 1 or (r == 2 and c == 1):
            continue  # no （2021年度） line; the name cell blank
        p.put(r - 1 if r > 1 else r, c, title if (r, c) == (0, 0) else value, kind)
    for r1, c1, r2, c2 in body.merges:
        if r1 == 1:
            continue
        shift = 1 if r1 > 1 else 0
        p.merge(r1 - shift, c1, r2 - shift, c2)
    return p


def department_declaration_expected():
    """What the 部门整体 申报表 holds, from the seed text and the figures written above (a layout ships for it)."""
    d = next(t for k, t in seeds.all_tables()["yongqing"] if k == "departmentIndicators")
    rows = [dict(level1Raw=x["level1Raw"], level2Raw=x["level2Raw"], name=x["name"],
                 value=x["value"]["raw"] if isinstance(x["value"], dict) else x["value"]) for x in d["indicators"]["rows"]]
    return {"fiscalYear": 2021, "departmentName": "河北永清经济开发区管理委员会", "amountUnit": "万元",
            "annualFunds": {"total": "5000", "generalBudget": "4000", "governmentFund": "800", "other": "200",
                            "basicExpenditure": "1500", "projectExpenditure": "3500"},
            "overallGoal": "完成年度招商、建设和服务任务。",
            "tasks": [{"name": "招商引资", "content": "全年引进项目 20 个"}, {"name": "基础设施建设", "content": "完成园区道路 3 条"},
                      {"name": "营商环境", "content": "企业服务事项办结率 100%"}],
            "indicators": {"scope": "annual", "rows": rows}, "extras": []}


def self_evaluation(t):
    """A 项目支出绩效自评表 — what departments send by mistake instead of the goal table: 年度指标值 beside 实际完成值,
    分值, 得分 and 偏差原因. No layout describes it, and none should: importing it must say so."""
    rows = t["indicatorSets"][0]["rows"]
    p = Plan(8)
    r = 0
    p.put(r, 0, "项目支出绩效自评表"); p.merge(r, 0, r, 7); r += 1
    p.put(r, 0, "（2024年度）"); p.merge(r, 0, r, 7); r += 1
    p.put(r, 0, "项目名称"); p.put(r, 1, t["projectName"]); p.merge(r, 1, r, 7); r += 1
    p.put(r, 0, "主管部门"); p.put(r, 1, t["supervisingDepartment"]["name"]); p.merge(r, 1, r, 3)
    p.put(r, 4, "实施单位"); p.put(r, 5, t["implementingUnit"]["name"]); p.merge(r, 5, r, 7); r += 1
    p.put(r, 0, "年度预算数"); p.put(r, 1, "1000"); p.put(r, 2, "全年执行数"); p.put(r, 3, "968.5"); p.put(r, 4, "执行率"); p.put(r, 5, "96.85%"); r += 1
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]):
        p.put(r, c, h)
    r += 1
    for x in rows:
        for c, v in enumerate([x["level1Raw"], x["level2Raw"], x["name"], x["value"], x["value"], "10", "10", ""]):
            p.put(r, c, v)
        r += 1
    return p


def unknown_nature(t):
    """A 平阴 table with the budget system's value columns where one 指标性质 says something no vocabulary knows
    (`正向指标`): the value is read without it, and the cell is kept and warned about."""
    import copy
    t = copy.deepcopy(t)
    p = Plan(9)
    form_pingyin_columns(p, t, variation(0))
    first = p.row - len(t["indicatorSets"][0]["rows"])
    p.put(first, 4, "正向指标")
    return p


def national_expected(t):
    """What the national form holds, from the seed text and the figures written above (a layout ships for it)."""
    rows = [dict(level1Raw=x["level1Raw"], level2Raw=x["level2Raw"], name=x["name"], value=x["value"]) for x in t["indicatorSets"][0]["rows"]]
    goal = "目标1：" + t["goals"]["annual"]
    return {"fiscalYear": 2024, "projectName": t["projectName"],
            "supervisingDepartment": {"name": t["supervisingDepartment"]["name"], "code": "012"},
            "implementingUnit": {"name": t["implementingUnit"]["name"]}, "projectLead": "张明", "contactPhone": "0531-87654321",
            "projectAttribute": "新增", "projectPeriod": "3年", "amountUnit": "万元",
            "midTermFunds": {"total": "3000", "fiscal": "3000", "other": "0"}, "annualFunds": {"total": "1000", "fiscal": "1000", "other": "0"},
            "goals": {"midTerm": goal, "annual": goal, "midTermPeriod": "2024年－2026年", "items": []},
            "indicatorSets": [{"scope": "annual", "rows": rows}, {"scope": "midTerm", "rows": rows}], "extras": []}


def provincial_numbered(t):
    """The provincial form as some bureaus print it: a report number over the title's right end (表号：省财绩01表)."""
    body = provincial(t)
    p = Plan(6)
    p.put(0, 5, "表号：省财绩01表")
    for (r, c), (value, kind) in body.cells.items():
        p.put(r + 1, c, value, kind)
    for r1, c1, r2, c2 in body.merges:
        p.merge(r1 + 1, c1, r2 + 1, c2)
    return p


def provincial_wide_levels(t):
    """The provincial form drawn wider: 一级指标 merged over three columns, header and every row (level 1 written on
    each row, not merged down). A first cell that wide must not be taken for the next table's title."""
    p = Plan(8)
    rows = t["indicatorSets"][0]["rows"]
    r = provincial_head(p, t, 8)
    p.put(r, 0, "一级指标"); p.merge(r, 0, r, 2)
    for c, h in enumerate(["二级指标", "三级指标", "指标值", "分值", "评（扣）分标准"]):
        p.put(r, c + 3, h)
    r += 1
    for x in rows:
        p.put(r, 0, x["level1Raw"]); p.merge(r, 0, r, 2)
        p.put(r, 3, x["level2Raw"]); p.put(r, 4, x["name"]); p.put(r, 5, x["value"])
        p.put(r, 6, "10"); p.put(r, 7, "完成得满分，未完成按比例扣分")
        r += 1
    return p


def provincial_expected(t):
    """What the provincial form holds, from the seed text and the figures written above (a layout ships for it)."""
    rows = [dict(level1Raw=x["level1Raw"], level2Raw=x["level2Raw"], name=x["name"], value=x["value"], weight="10",
                 scoringRule="完成得满分，未完成按比例扣分") for x in t["indicatorSets"][0]["rows"]]
    return {"projectName": t["projectName"], "supervisingDepartment": {"name": t["supervisingDepartment"]["name"]},
            "implementingUnit": {"name": t["implementingUnit"]["name"]}, "annualFunds": {"total": "1000"},
            "goals": {"annual": t["goals"]["annual"], "items": []}, "indicatorSets": [{"scope": "annual", "rows": rows}],
            "extras": []}


def with_column_numbers(body, after, labels=()):
    """`body` with a line that numbers its columns inserted under row `after` (the header's last row), as fiscal forms
    print it: `labels` first (`栏次`, `甲`, `乙`), then 1, 2, 3 … one per column not covered by a cell merged down
    across the line (a caption or a level merged from the header over the rows keeps its place)."""
    p = Plan(body.columns)
    for (r, c), (value, kind) in body.cells.items():
        p.put(r + (1 if r > after else 0), c, value, kind)
    covered = set()
    for r1, c1, r2, c2 in body.merges:
        if r1 <= after < r2:
            covered.update(range(c1, c2 + 1))
        p.merge(r1 + (1 if r1 > after else 0), c1, r2 + (1 if r2 > after else 0), c2)
    columns = [c for c in range(body.columns) if c not in covered]
    for c, label in zip(columns, labels):
        p.put(after + 1, c, label)
    for k, c in enumerate(columns[len(labels):]):
        p.put(after + 1, c, k + 1, "int")
    p.row, p.widths = body.row + 1, body.widths
    return p


def merge_runs(plan, first, rows, column, key):
    """Merges the cells of `column` down over each run of rows holding the same text (as a department merges one
    指标值确定依据 written for all rows, or one value shared by two): the text stays in the run's first cell only."""
    start = 0
    for i in range(1, len(rows) + 1):
        if i < len(rows) and rows[i].get(key) and rows[i].get(key) == rows[start].get(key):
            continue
        if i - start > 1:
            for k in range(start + 1, i):
                plan.cells.pop((first + k, column), None)
            plan.merge(first + start, column, first + i - 1, column)
        start = i


def with_goal_lines(body, label, lines):
    """`body` with the text beside `label` written as `lines`, one per row, the label merged down over them (as a
    department lays out a goal of several points): rows below move down, the value's merge is repeated per line."""
    r0 = header_row(body, label)
    extra = len(lines) - 1
    p = Plan(body.columns)
    for (r, c), (value, kind) in body.cells.items():
        p.put(r + (extra if r > r0 else 0), c, value, kind)
    value_merge = None
    for r1, c1, r2, c2 in body.merges:
        if r1 == r0 and c1 > 0:
            value_merge = (c1, c2)
            continue
        p.merge(r1 + (extra if r1 > r0 else 0), c1, r2 + (extra if r2 > r0 else 0), c2)
    c1, c2 = value_merge
    for k, line in enumerate(lines):
        p.put(r0 + k, c1, line)
        p.merge(r0 + k, c1, r0 + k, c2)
    p.merge(r0, 0, r0 + extra, 0)
    p.row, p.widths = body.row + extra, body.widths
    return p


def with_inserted_column(plan, column):
    """The plan with an empty column inserted before `column`, as a spreadsheet inserts one: cells and merges at or
    right of it move one column right, a merge across it grows by one."""
    out = Plan(plan.columns + 1)
    out.cells = {(r, c + (1 if c >= column else 0)): v for (r, c), v in plan.cells.items()}
    out.merges = [(r1, c1 + (1 if c1 >= column else 0), r2, c2 + (1 if c2 >= column else 0)) for r1, c1, r2, c2 in plan.merges]
    out.widths = {c + (1 if c >= column else 0): w for c, w in plan.widths.items()}
    out.row = plan.row
    return out


def with_continuation(body, name, title, header_text, width, depth=1):
    """`body` continued on a second page before the indicator row named `name`, as a clerk lays it out for printing: a
    line `title` (merged across the table when it is longer than a mark; none when None) and the header (the `depth`
    rows from the one holding `header_text`) repeated under it. Rows below move down; a merge across the cut (the
    block's caption, a level name) ends above it, the caption written again in the repeated header and merged down
    over the rest."""
    r0 = min(r for (r, c), (value, _) in body.cells.items() if value == name and c > 0)
    h = header_row(body, header_text)
    top = r0 + (1 if title else 0)   # the repeated header's first row
    n = top - r0 + depth
    p = Plan(body.columns)
    for (r, c), (value, kind) in body.cells.items():
        p.put(r + (n if r >= r0 else 0), c, value, kind)
    for r1, c1, r2, c2 in body.merges:
        if h <= r1 and r2 < h + depth:   # a merge inside the header: repeated with it
            p.merge(r1 - h + top, c1, r2 - h + top, c2)
        if r2 < r0 or r1 >= r0:
            p.merge(r1 + (n if r1 >= r0 else 0), c1, r2 + (n if r2 >= r0 else 0), c2)
            continue
        p.merge(r1, c1, r0 - 1, c2)
        if (r1, c1) in body.cells and r1 <= h:   # the caption, merged down from the header row: again on page 2
            p.put(top, c1, body.cells[(r1, c1)][0])
            p.merge(top, c1, r2 + n, c2)
    for (r, c), (value, kind) in body.cells.items():
        if h <= r < h + depth:
            p.put(r - h + top, c, value, kind)
    if title:
        p.put(r0, 0, title)
        if len(title) > 4:
            p.merge(r0, 0, r0, width - 1)
    p.row, p.widths = body.row + n, body.widths
    return p


def beside(left, right, gap=1):
    """`right` drawn to the right of `left`, `gap` empty columns between (as a clerk puts a second project's table
    beside the first to print them on one page)."""
    used = max([c for _, c in left.cells] + [c2 for _, _, _, c2 in left.merges])
    off = used + 1 + gap
    out = Plan(off + right.columns)
    out.cells = dict(left.cells)
    out.cells.update({(r, c + off): v for (r, c), v in right.cells.items()})
    out.merges = left.merges + [(r1, c1 + off, r2, c2 + off) for r1, c1, r2, c2 in right.merges]
    out.widths = {c: w for c, w in left.widths.items() if c <= used}
    out.widths.update({c + off: w for c, w in right.widths.items()})
    out.row = max(left.row, right.row)
    return out


def write_expected(name, tables):
    """NAME.json beside the workbook: the expected goal document, derived here from the seed text."""
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as h:
        json.dump(document(tables), h, ensure_ascii=False, indent=1)
        h.write("\n")


def header_row(plan, text):
    return min(r for (r, _), (value, _) in plan.cells.items() if value == text)


FLAT_HEADER = ["年度", "主管部门编码", "主管部门", "实施单位编码", "实施单位", "项目编码", "项目名称", "目标类型",
               "一级指标", "二级指标", "三级指标", "计算符号编码", "计算符号", "指标值", "计量单位", "权重", "指标解释", "指标值设定依据"]
FLAT_CODES = {"≥": (1, "≥"), ">": (2, "＞"), "=": (3, "＝"), "<": (4, "＜"), "≤": (5, "≤")}
FLAT_SPLIT = re.compile(r"^(≥|>|=|<|≤)\s*(\d+(?:\.\d+)?)\s*([^\d\s(（]{0,8})$")


def flat_split(value):
    """The system's 计算符号 / 指标值 / 计量单位 for a seed value: a comparator, a number and a unit split (spaces
    between them dropped, as the system's three columns have none); anything else is 定性 (code 6) with the value whole."""
    m = FLAT_SPLIT.match(value)
    if not m:
        return 6, "定性", value, ""
    code, name = FLAT_CODES[m.group(1)]
    return code, name, m.group(2), m.group(3)


def flat_tables():
    """Two seed tables with codes as the system gives them: a 平阴 table (annual set) and a 长清 table with both
    sets, the mid-term one marked 总体."""
    all_tables = seeds.all_tables()
    pingyin = next(t for k, t in all_tables["pingyin"] if k == "project")
    changqing = next(t for k, t in all_tables["changqing"] if k == "project")
    return [(pingyin, "371524", "371524001", "3715242400000001"), (changqing, "370113", "370113005", "3701132200000002")]


def system_flat():
    p = Plan(len(FLAT_HEADER))
    for c, h in enumerate(FLAT_HEADER):
        p.put(0, c, h)
    r = 1
    for t, dept_code, unit_code, project_code in flat_tables():
        unit = (t.get("implementingUnit") or t["supervisingDepartment"])["name"]
        for s in t["indicatorSets"]:
            for x in s["rows"]:
                code, name, value, measure = flat_split(x["value"])
                # Numbers are numbers in the system's export: the year, the code, a whole-number value, the weight.
                for c, v in enumerate([t["fiscalYear"], dept_code, t["supervisingDepartment"]["name"], unit_code, unit,
                                       project_code, t["projectName"], "年度" if s["scope"] == "annual" else "总体",
                                       x["level1Raw"], x["level2Raw"], x["name"], code, name,
                                       int(value) if value.isdigit() and len(value) < 10 else value, measure, 5,
                                       x.get("description") or "", x.get("basis") or ""]):
                    p.put(r, c, v)
                r += 1
    return p


def system_flat_expected():
    """The tables the flat file holds, from the seed text: keys, and per row the three levels as written, the name,
    the value spelled with the model's comparator, weight, description and basis."""
    items = []
    for t, dept_code, unit_code, project_code in flat_tables():
        unit = (t.get("implementingUnit") or t["supervisingDepartment"])["name"]
        sets = []
        for s in t["indicatorSets"]:
            rows = []
            for x in s["rows"]:
                code, name, value, measure = flat_split(x["value"])
                symbol = {1: "≥", 2: ">", 3: "=", 4: "<", 5: "≤", 6: ""}[code]
                row = dict(level1Raw=x["level1Raw"], level2Raw=x["level2Raw"], name=x["name"], value=symbol + value + measure, weight="5")
                if x.get("description"): row["description"] = x["description"]
                if x.get("basis"): row["basis"] = x["basis"]
                rows.append(row)
            sets.append({"scope": s["scope"], "rows": rows})
        items.append(("project", {"fiscalYear": t["fiscalYear"], "projectCode": project_code, "projectName": t["projectName"],
                                  "supervisingDepartment": {"name": t["supervisingDepartment"]["name"], "code": dept_code},
                                  "implementingUnit": {"name": unit, "code": unit_code},
                                  "goals": {"items": []}, "indicatorSets": sets, "extras": []}))
    return items


def main():
    os.makedirs(OUT, exist_ok=True)
    t = table()
    write_openpyxl(os.path.join(OUT, "national-declaration.xlsx"), [("Sheet1", national(t))])
    write_expected("national-declaration", [("project", national_expected(t))])
    write_xlsxwriter(os.path.join(OUT, "system-export.xlsx"), [("项目绩效目标", system_export(t))])
    write_expected("system-export", [("project", system_export_expected(t))])
    write_openpyxl(os.path.join(OUT, "provincial-declaration.xlsx"), [("Sheet1", provincial(t))])
    write_openpyxl(os.path.join(OUT, "provincial-numbered.xlsx"), [("Sheet1", provincial_numbered(t))])
    write_openpyxl(os.path.join(OUT, "provincial-wide-levels.xlsx"), [("Sheet1", provincial_wide_levels(t))])
    write_expected("provincial-declaration", [("project", provincial_expected(t))])
    write_openpyxl(os.path.join(OUT, "unknown-value-nature.xlsx"), [("Sheet1", unknown_nature(t))])
    write_openpyxl(os.path.join(OUT, "department-declaration.xlsx"), [("Sheet1", department_declaration())])
    write_expected("department-declaration", [("departmentIndicators", department_declaration_expected())])
    write_openpyxl(os.path.join(OUT, "self-evaluation.xlsx"), [("Sheet1", self_evaluation(t))])
    write_openpyxl(os.path.join(OUT, "department-titled.xlsx"), [("Sheet1", department_titled())])
    write_openpyxl(os.path.join(OUT, "system-flat.xlsx"), [("指标明细", system_flat())])
    write_expected("system-flat", system_flat_expected())
    # A line numbering the columns under the header (`1 2 3 …`, `栏次`, `甲 乙 1 2 …`): part of the header, no row.
    numbered = provincial(t)
    write_openpyxl(os.path.join(OUT, "provincial-column-numbers.xlsx"),
                   [("Sheet1", with_column_numbers(numbered, header_row(numbered, "一级指标"), ["栏次"]))])
    pingyin = [x for k, x in seeds.all_tables()["pingyin"] if k == "project"][1]
    body = Plan(8)
    form_pingyin(body, pingyin, variation(0))
    write_xlsxwriter(os.path.join(OUT, "pingyin-column-numbers.xlsx"),
                     [("Sheet1", with_column_numbers(body, header_row(body, "三级指标"), ["甲", "乙"]))])
    write_expected("pingyin-column-numbers", [("project", pingyin)])
    performance = [x for k, x in seeds.all_tables()["liaocheng"] if k == "departmentPerformance"][0]
    body = Plan(17)
    form_liaocheng_performance(body, performance, variation(0))
    write_xlsxwriter(os.path.join(OUT, "performance-column-numbers.xlsx"),
                     [("Sheet1", with_column_numbers(body, header_row(body, "标准值")))])
    write_expected("performance-column-numbers", [("departmentPerformance", performance)])
    # Last year's indicators hidden instead of deleted (two rows at the block's end), and a hidden column of last
    # year's values beside the table: read like any cell, and the clerk is asked about them.
    hidden = dict(pingyin)
    old_rows = [dict(level1Raw="产出指标", level2Raw="数量指标", name="2023年老年人助餐服务人次", value="≥5000人次"),
                dict(level1Raw="产出指标", level2Raw="时效指标", name="2023年助餐点建成时间", value="2023年12月底前")]
    hidden["indicatorSets"] = [dict(pingyin["indicatorSets"][0], rows=pingyin["indicatorSets"][0]["rows"] + old_rows)]
    body = Plan(8)
    form_pingyin(body, hidden, variation(2))
    body.hidden_rows = [body.row - 2, body.row - 1]
    write_openpyxl(os.path.join(OUT, "pingyin-hidden-rows.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-hidden-rows", [("project", hidden)])
    body = Plan(8)
    form_pingyin(body, pingyin, variation(2))
    first = body.row - len(pingyin["indicatorSets"][0]["rows"])
    body.put(first - 1, 5, "上年指标值")
    body.put(first, 5, "≤900 万元")
    body.hidden_columns = [5]
    write_openpyxl(os.path.join(OUT, "pingyin-hidden-column.xlsx"), [("Sheet1", body)])
    # A basis written once and merged down over the rows it serves, a value merged over two rows that share it
    # (新华's 困难企业补贴: 年度工作计划 for seven rows, 100% twice): each row reads the merged text.
    relief = next(x for k, x in seeds.all_tables()["xinhua"] if x.get("projectName") == "困难企业补贴")
    body = Plan(8)
    form_xinhua(body, relief, variation(0))
    rows = relief["indicatorSets"][0]["rows"]
    first = body.row - len(rows)
    merge_runs(body, first, rows, 5, "value")
    merge_runs(body, first, rows, 6, "basis")
    write_xlsxwriter(os.path.join(OUT, "xinhua-merged-basis.xlsx"), [("Sheet1", body)])
    write_expected("xinhua-merged-basis", [("project", relief)])
    # A total computed by the clerk's spreadsheet: the binary sum one step below 853.94, which Excel and openpyxl
    # write to the file as 853.9399999999999 and every spreadsheet shows as 853.94 (平阴's 保洁… table).
    cleaning = next(x for k, x in seeds.all_tables()["pingyin"] if x.get("projectName", "").startswith("保洁"))
    body = Plan(8)
    form_pingyin(body, cleaning, variation(1))
    total = next(key for key, (value, kind) in body.cells.items() if kind == "amount")
    body.cells[total] = (math.nextafter(853.94, 0), "amount")
    write_openpyxl(os.path.join(OUT, "pingyin-computed-total.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-computed-total", [("project", cleaning)])
    # Level names a clerk numbered (`一、产出指标`, `（一）数量指标`): read as written, known as the names they number.
    numbered = json.loads(json.dumps(next(x for k, x in seeds.all_tables()["pingyin"] if x.get("projectName") == "农村最低生活保障金")))
    chinese = "一二三四五六七八九十"
    level1s, level2s = [], {}
    for x in numbered["indicatorSets"][0]["rows"]:
        l1, l2 = x["level1Raw"], x["level2Raw"]
        if l1 not in level1s:
            level1s.append(l1)
        level2s.setdefault(l1, [])
        if l2 not in level2s[l1]:
            level2s[l1].append(l2)
        x["level1Raw"] = "%s、%s" % (chinese[level1s.index(l1)], l1)
        x["level2Raw"] = "（%s）%s" % (chinese[level2s[l1].index(l2)], l2)
    body = Plan(8)
    form_pingyin(body, numbered, variation(0))
    write_openpyxl(os.path.join(OUT, "pingyin-numbered-levels.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-numbered-levels", [("project", numbered)])
    # GoalBridge's own template, filled, with a scratch sheet a clerk added in another program (a copied header
    # row). The template's id names the layout for the filled sheet; it must not force that layout on the scratch sheet.
    import openpyxl
    book = openpyxl.load_workbook(os.path.join(ROOT, "Examples", "pingyin-2024-police-auxiliary.xlsx"))
    scratch = book.create_sheet("Sheet3")
    for c, h in enumerate(["项目名称", "一级指标", "二级指标", "三级指标"]):
        scratch.cell(row=1, column=c + 1, value=h)
    path = os.path.join(OUT, "template-scratch-sheet.xlsx")
    book.save(path)
    reproducible(path)
    # The same with the template's sheet renamed after the project, as clerks do.
    book.worksheets[0].title = "警务辅助人员专项经费"
    path = os.path.join(OUT, "template-renamed-sheet.xlsx")
    book.save(path)
    reproducible(path)
    # A table sent with its attachments: a sheet of cost calculations and a 填表说明 sheet (no label of a goal table):
    # said as such, not a reason to call the submission partial.
    body = Plan(8)
    form_pingyin(body, pingyin, variation(0))
    sums = Plan(4)
    for r, line in enumerate([("资金测算", None, None), ("项目", "单价（万元）", "数量"), ("护理床位", 0.8, 300), ("适老化改造", 2.5, 160)]):
        for c, value in enumerate(line):
            if value is not None:
                sums.put(r, c, value, "amount" if isinstance(value, float) else ("int" if isinstance(value, int) else "text"))
    notes = Plan(1)
    for r, line in enumerate(["填表说明", "1.项目名称：填写预算项目全称。", "2.一级指标、二级指标按指标体系填写，三级指标应细化、量化。"]):
        notes.put(r, 0, line)
    write_openpyxl(os.path.join(OUT, "pingyin-with-attachments.xlsx"), [("绩效目标表", body), ("资金测算", sums), ("填表说明", notes)])
    # The standard template retyped as departments retype it (预算项目名称, 主管部门（单位）, 执行单位, 项目资金总额,
    # 年度总体目标), without the template's custom properties: the layout is found by its labels alone.
    from openpyxl.packaging.custom import CustomPropertyList
    book = openpyxl.load_workbook(os.path.join(ROOT, "Examples", "pingyin-2024-police-auxiliary.xlsx"))
    sheet = book.worksheets[0]
    for ref, text in (("A3", "预算项目名称"), ("A4", "主管部门（单位）"), ("A5", "执行单位"), ("B8", "项目资金总额"), ("A17", "年度总体目标")):
        sheet[ref] = text
    book.custom_doc_props = CustomPropertyList()
    path = os.path.join(OUT, "standard-retyped-labels.xlsx")
    book.save(path)
    reproducible(path)

    # A goal of several points, one per row, its label merged down over them (平阴's 保洁… goal, split at its 。):
    # one annual goal, its lines joined, not a goal line and two extras without a label.
    goal = json.loads(json.dumps(cleaning))
    lines = [x + "。" for x in goal["goals"]["annual"].split("。") if x]
    goal["goals"]["annual"] = "\n".join(lines)
    body = Plan(8)
    form_pingyin(body, cleaning, variation(0))
    write_openpyxl(os.path.join(OUT, "pingyin-goal-lines.xlsx"), [("Sheet1", with_goal_lines(body, "年度总体绩效目标", lines))])
    write_expected("pingyin-goal-lines", [("project", goal)])

    # Deadlines typed into Chinese Excel or WPS (`2023年12月`, `2023年12月31日`), which turn them into date cells: the
    # serial of 2023-12-01 (or 12-31) with a format that shows what was typed. Read in ISO form, `2023年12月` became
    # `2023-12-01`, a day nobody wrote (新华's 幼儿园补充经费 and 县级电子政务外网安全监测平台建设).
    import datetime
    for name, code, writer in (("幼儿园补充经费", 'yyyy"年"m"月"', "openpyxl"),
                               ("县级电子政务外网安全监测平台建设", '[$-804]yyyy"年"m"月"d"日";@', "xlsxwriter")):
        dated = next(x for k, x in seeds.all_tables()["xinhua"] if x.get("projectName") == name)
        body = Plan(8)
        form_xinhua(body, dated, variation(0))
        cells = [key for key, (value, kind) in body.cells.items() if value in ("2023年12月", "2023年12月31日")]
        assert len(cells) == 1, cells
        text = body.cells[cells[0]][0]
        day = datetime.datetime(2023, 12, 31) if text.endswith("日") else datetime.datetime(2023, 12, 1)
        body.cells[cells[0]] = (day, "date:" + code)
        (write_openpyxl if writer == "openpyxl" else write_xlsxwriter)(os.path.join(OUT, "xinhua-date-cells-%s.xlsx" % writer), [(name[:31], body)])
        write_expected("xinhua-date-cells-%s" % writer, [("project", dated)])
    # A total whose formula broke (`#REF!`: the clerk deleted a row it summed), a rate computed by a formula that
    # divides by an empty cell (`#DIV/0!`), and none written as `/` and `无` in the amount cells (平阴's 保洁… table):
    # the errors are read as shown and each is warned about in words; `/` and `无` are 0, kept as written, not warned.
    broken = json.loads(json.dumps(cleaning))
    body = Plan(8)
    form_pingyin(body, cleaning, variation(1))
    amounts = sorted(key for key, (value, kind) in body.cells.items() if kind == "amount")
    assert len(amounts) == 4, amounts
    body.cells[amounts[0]] = ("#REF!", "text")
    body.cells[amounts[2]] = ("/", "text")
    body.cells[amounts[3]] = ("无", "text")
    broken["annualFunds"] = dict(broken["annualFunds"], total="#REF!", carryover={"raw": "/", "value": 0}, other={"raw": "无", "value": 0})
    rate = next(x for x in broken["indicatorSets"][0]["rows"] if x["value"] == "100%")
    value_cell = next(key for key, (value, kind) in body.cells.items() if value == "100%")
    body.cells[value_cell] = ("#DIV/0!", "text")
    rate["value"] = "#DIV/0!"
    write_openpyxl(os.path.join(OUT, "pingyin-formula-errors.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-formula-errors", [("project", broken)])
    # Labels with the form's instructions in brackets (`项目名称（全称）`, `主管部门（盖章）`, `实施单位（盖章）`): the
    # same labels (vocabulary `labelQualifiers`). `项目名称（全称）` made the file “没有找到绩效目标表”.
    body = Plan(8)
    form_pingyin(body, cleaning, variation(0))
    for label, qualified in (("项目名称", "项目名称（全称）"), ("主管部门", "主管部门（盖章）"), ("实施单位", "实施单位(盖章)：")):
        cells = [key for key, (value, kind) in body.cells.items() if isinstance(value, str) and value.replace("\n", "") == label]
        assert len(cells) == 1, (label, cells)
        body.cells[cells[0]] = (qualified, body.cells[cells[0]][1])
    write_xlsxwriter(os.path.join(OUT, "pingyin-label-qualifiers.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-label-qualifiers", [("project", cleaning)])
    # The template's longer instructions after a label, one on a line of its own (`项目名称（按预算一体化系统填写）`,
    # `主管部门\n（由主管部门填列）`, `实施单位(以公章为准)`): “没有找到绩效目标表” — none was a known qualifier.
    body = Plan(8)
    form_pingyin(body, cleaning, variation(0))
    for label, qualified in (("项目名称", "项目名称（按预算一体化系统填写）"), ("主管部门", "主管部门\n（由主管部门填列）"),
                             ("实施单位", "实施单位(以公章为准)")):
        cells = [key for key, (value, kind) in body.cells.items() if isinstance(value, str) and value.replace("\n", "") == label]
        assert len(cells) == 1, (label, cells)
        body.cells[cells[0]] = (qualified, body.cells[cells[0]][1])
    write_openpyxl(os.path.join(OUT, "pingyin-label-instructions.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-label-instructions", [("project", cleaning)])
    # A column inserted through the whole sheet (for a note beside the indicators) and left empty: in the rows above
    # the indicators it falls between labels and their values (项目类别 | blank | 特定目标类), and the values were extras.
    body = Plan(8)
    form_pingyin(body, cleaning, variation(0))
    write_openpyxl(os.path.join(OUT, "pingyin-inserted-column.xlsx"), [("Sheet1", with_inserted_column(body, 4))])
    write_expected("pingyin-inserted-column", [("project", cleaning)])
    # Amounts typed with their unit, one in 元 under `项目资金（万元）` (`8539400元`): the number in the table's unit.
    # Read as written, the total was 8539400 万元, and nothing was said.
    yuan = json.loads(json.dumps(cleaning))
    body = Plan(8)
    form_pingyin(body, cleaning, variation(1))
    amounts = sorted(key for key, (value, kind) in body.cells.items() if kind == "amount")
    body.cells[amounts[0]] = ("8539400元", "text")
    body.cells[amounts[1]] = ("853.94万元", "text")
    yuan["annualFunds"] = dict(yuan["annualFunds"], total={"raw": "8539400元", "value": 853.94}, fiscal={"raw": "853.94万元", "value": 853.94})
    write_xlsxwriter(os.path.join(OUT, "pingyin-amount-in-yuan.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-amount-in-yuan", [("project", yuan)])
    # Two indicators put in one row with Alt+Enter (平阴's 道路保洁面积 and 绿化养护面积: names and values on two lines
    # of one cell each), a unit wrapped to a line of its own and a note on the line after a value. The first value was
    # read as ≥260.39 with the second as text after it, and nothing was said; now no number is taken from it and the
    # review asks (Q32); the wrapped unit and the note are one value each, read as usual.
    joined = json.loads(json.dumps(cleaning))
    rows = joined["indicatorSets"][0]["rows"]
    k = next(i for i, x in enumerate(rows) if x["name"] == "道路保洁面积")
    assert rows[k + 1]["name"] == "绿化养护面积", rows[k + 1]
    rows[k] = dict(rows[k], name=rows[k]["name"] + "\n" + rows[k + 1]["name"], value=rows[k]["value"].replace(" ", "") + "\n" + rows[k + 1]["value"].replace(" ", ""))
    del rows[k + 1]
    wrapped = next(x for x in rows if x["value"] == "≤853.94 万元")
    wrapped["value"] = "≤853.94\n万元"
    noted = next(x for x in rows if x["value"] == "≥95%")
    noted["value"] = "≥95%\n（按年度考核）"
    body = Plan(8)
    form_pingyin(body, joined, variation(0))
    write_xlsxwriter(os.path.join(OUT, "pingyin-several-values.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-several-values", [("project", joined)])
    # The filled table and, on a second sheet, the same form left blank (a copy made for another project and never
    # filled: levels printed, nothing else). The blank one was a second table, empty, with five 未填写 errors for the
    # department and an empty project in the dataset; a blank form is now skipped, said as information.
    levels = [{"level1Raw": a, "level2Raw": b, "name": None, "value": None}
              for a, b in (("成本指标", "经济成本指标"), ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
                           ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标"))]
    blank = {"title": "项目支出绩效目标表", "projectName": None, "supervisingDepartment": {"name": None}, "implementingUnit": {"name": None},
             "annualFunds": {}, "goals": {}, "indicatorSets": [{"rows": levels}]}
    filled, empty = Plan(8), Plan(8)
    form_pingyin(filled, cleaning, variation(0))
    form_pingyin(empty, blank, variation(0))
    write_openpyxl(os.path.join(OUT, "pingyin-blank-copy.xlsx"), [("保洁、降尘、绿化养护及建绿透绿项目", filled), ("Sheet2", empty)])
    write_expected("pingyin-blank-copy", [("project", cleaning)])
    # Amounts in the 货币 format Chinese Excel offers (`"¥"#,##0.00`: number cells shown `¥853.94`) and one typed
    # with its sign (`￥0.00`). Each was “金额“¥853.94”不是数字”, its value lost, though the cell held the number.
    money = json.loads(json.dumps(cleaning))
    body = Plan(8)
    form_pingyin(body, cleaning, variation(1))
    amounts = sorted(key for key, (value, kind) in body.cells.items() if kind == "amount")
    assert len(amounts) == 4, amounts
    for key in amounts[:3]:
        body.cells[key] = (float(body.cells[key][0]), 'format:"¥"#,##0.00')
    body.cells[amounts[3]] = ("￥0.00", "text")
    f = money["annualFunds"]
    money["annualFunds"] = {"total": {"raw": "¥853.94", "value": 853.94}, "fiscal": {"raw": "¥853.94", "value": 853.94},
                            "carryover": {"raw": "¥0.00", "value": 0}, "other": {"raw": "￥0.00", "value": 0}}
    assert (f["total"], f["fiscal"], f["carryover"], f["other"]) == ("853.94", "853.94", "0.00", "0.00"), f
    write_openpyxl(os.path.join(OUT, "pingyin-currency-amounts.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-currency-amounts", [("project", money)])
    # Percentage targets typed as Excel stores them: the number with a percent format, the comparator kept in the
    # format (`"≥"0%`, LibreOffice's `\\<0%`) so the cell still computes. Each was read as the bare percentage, the
    # comparator lost silently (`≥90%` became `90%`).
    allowance = next(x for k, x in seeds.all_tables()["pingyin"] if x.get("projectName", "").startswith("农村最低"))
    body = Plan(8)
    form_pingyin(body, allowance, variation(0))
    formats = {"100%": (1.0, "format:0%"), "<5%": (0.05, "format:\\<0%"), "≥90%": (0.9, 'format:"≥"0%')}
    percents = [key for key, (value, kind) in body.cells.items() if kind == "text" and value in formats]
    assert len(percents) == 5, percents
    for key in percents:
        body.cells[key] = formats[body.cells[key][0]]
    write_openpyxl(os.path.join(OUT, "pingyin-percent-targets.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-percent-targets", [("project", allowance)])
    # A table continued on a second page for printing: `项目支出绩效目标表（续）` over the header repeated with its
    # caption (平阴), and a bare `续表` over a repeated header in the middle of a level group (新华). The first
    # became two indicator sets and an extra with a warning; the second, a level 1 named 续表 for the rows below.
    body = Plan(8)
    form_pingyin(body, cleaning, variation(0))
    body = with_continuation(body, "优化生态环境，提升城市管理水平", "项目支出绩效目标表（续）", "一级指标", 5)
    write_openpyxl(os.path.join(OUT, "pingyin-continued.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-continued", [("project", cleaning)])
    network = next(x for k, x in seeds.all_tables()["xinhua"] if x.get("projectName", "").startswith("县级电子政务外网"))
    body = Plan(7)
    form_xinhua(body, network, variation(0))
    body = with_continuation(body, "完成时限", "续表", "三级指标", 7)
    write_xlsxwriter(os.path.join(OUT, "xinhua-continued.xlsx"), [("Sheet1", body)])
    write_expected("xinhua-continued", [("project", network)])
    # The 聊城 performance table (records under a four-row header) continued the same way: `续表` was a record.
    performance = next(x for k, x in seeds.all_tables()["liaocheng"] if k == "departmentPerformance")
    body = Plan(17)
    form_liaocheng_performance(body, performance, variation(0))
    body = with_continuation(body, "稽核次数", "续表", "职责序号", 17, depth=4)
    write_openpyxl(os.path.join(OUT, "performance-continued.xlsx"), [("Sheet1", body)])
    write_expected("performance-continued", [("departmentPerformance", performance)])
    # The 聊城 form typed with the input method in full-width mode: `（２０２２ 年度）` and `００１００１ 聊城市…`. Both were
    # extras with a warning and the table had no year, no 实施单位 (loud, but each a field the form states).
    farming = next(x for k, x in seeds.all_tables()["liaocheng"] if k == "project" and x.get("fiscalYear") == 2022
                   and (x.get("implementingUnit") or {}).get("code"))
    body = Plan(8)
    form_liaocheng(body, farming, variation(0))
    full = str.maketrans("0123456789", "０１２３４５６７８９")
    typed = [key for key, (value, kind) in body.cells.items() if key[0] < 3 and kind == "text" and re.search(r"\d", str(value))]
    assert len(typed) == 2, [body.cells[k] for k in typed]
    for key in typed:
        body.cells[key] = (body.cells[key][0].translate(full), "text")
    write_openpyxl(os.path.join(OUT, "liaocheng-fullwidth-digits.xlsx"), [("Sheet1", body)])
    write_expected("liaocheng-fullwidth-digits", [("project", farming)])
    # The 永清 department indicators (a two-row header: 指标值 over 符号/值/单位) with the header repeated whole for
    # page 2, under `续表` and without it. The repeated header's second row was read as an indicator (一级指标
    # “一级指标”, value “符号值单位”), and its level filled down into the next row; with `续表`, a second table.
    indicators = next(x for k, x in seeds.all_tables()["yongqing"] if k == "departmentIndicators")
    cut = indicators["indicators"]["rows"][3]["name"]
    for suffix, title in (("continued", "续表"), ("header-repeated", None)):
        body = Plan(9)
        form_yongqing_department(body, indicators, variation(0))
        body = with_continuation(body, cut, title, "一级指标", 9, depth=2)
        write_openpyxl(os.path.join(OUT, "yongqing-department-%s.xlsx" % suffix), [("Sheet1", body)])
        write_expected("yongqing-department-%s" % suffix, [("departmentIndicators", indicators)])
    # Text kept under merged cells, as LibreOffice keeps the hidden cells' contents when merging (and LibreOffice and
    # gnumeric keep on re-saving): last year's level name under the merged 成本指标, an old unit under 主管部门, an old
    # figure under 财政拨款. Nobody sees them; the level was read as the row's level 1 (a valid name: silently), the
    # others were extras with warnings about cells the clerk cannot see.
    body = Plan(8)
    form_pingyin(body, cleaning, variation(0))
    under = {}
    for r1, c1, r2, c2 in body.merges:
        text = body.cells.get((r1, c1), ("", ""))[0]
        if text == "成本指标" and r2 > r1:
            under[(r1 + 1, c1)] = "产出指标"
        elif text == cleaning["supervisingDepartment"]["name"] and c2 > c1:
            under[(r1, c1 + 1)] = "平阴县市政公用事业服务中心"
        elif body.cells.get((r1, c1 - 1), ("", ""))[0] == "其中：财政拨款" and c2 > c1:
            under[(r1, c1 + 1)] = "900.00"
    assert len(under) == 3, under
    for key, stale in under.items():
        body.put(key[0], key[1], stale, "covered")
    write_xlsxwriter(os.path.join(OUT, "pingyin-covered-cells.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-covered-cells", [("project", cleaning)])
    # 项目名称 and 主管部门 typed with their content in the label's cell (`项目名称：保洁…项目`), the value cells left empty,
    # as a clerk does when the value cell is narrow. The file was “没有找到绩效目标表” (the anchor label was not
    # there); with only 主管部门 so, the department was an extra with a warning and the review said it was missing.
    body = Plan(8)
    form_pingyin(body, cleaning, variation(0))
    for label in ("项目名称", "主管部门"):
        (r, c), _ = next(((k, v) for k, v in body.cells.items() if v[0] == label))
        value = body.cells.pop((r, c + 1))[0]
        body.cells[(r, c)] = (label + "：" + value, "text")
    write_xlsxwriter(os.path.join(OUT, "pingyin-label-with-content.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-label-with-content", [("project", cleaning)])
    # 新华's form, its 项目编码 blank (the seeds have none) and 项目名称 typed with its content two cells on: the rule for
    # a column inserted through the sheet took `项目名称：县级…` as the code, and the name came from the title, silently.
    body = Plan(7)
    form_xinhua(body, network, variation(0))
    (r, c), _ = next(((k, v) for k, v in body.cells.items() if v[0] == "项目名称"))
    value = body.cells.pop((r, c + 1))[0]
    body.cells[(r, c)] = ("项目名称：" + value, "text")
    write_openpyxl(os.path.join(OUT, "xinhua-label-with-content.xlsx"), [("Sheet1", body)])
    write_expected("xinhua-label-with-content", [("project", network)])
    # 长清's form with a column inserted at B and left empty: the two goals under their captions (总体绩效目标 |
    # 年度绩效目标) were read by their order, the mid-term goal as the annual one and the annual goal an extra.
    insurance = next(x for k, x in seeds.all_tables()["changqing"] if x.get("projectName") == "四级医保公共服务体系建设项目")
    body = Plan(8)
    form_changqing(body, insurance, variation(0))
    write_openpyxl(os.path.join(OUT, "changqing-inserted-column.xlsx"), [("Sheet1", with_inserted_column(body, 1))])
    write_expected("changqing-inserted-column", [("project", insurance)])
    # Two 聊城 tables stacked on one sheet, the first one's 项目编码 and 项目名称 typed with their content (`项目编码：…`,
    # the cells beside them empty). The second table was found, so nothing was split: the first table's rows were
    # read into the second, 37 warnings, one table.
    specific = [x for k, x in seeds.all_tables()["liaocheng"] if k == "project" and x.get("_form") == "D2"][:2]
    body = Plan(8)
    form_liaocheng(body, specific[0], variation(0))
    first = set(body.cells)
    body.row += 2
    form_liaocheng(body, specific[1], variation(0))
    for label in ("项目编码", "项目名称"):
        (r, c), _ = min(((k, v) for k, v in body.cells.items() if k in first and v[0] == label))
        value = body.cells.pop((r, c + 1))[0]
        body.cells[(r, c)] = (label + "：" + str(value), "text")
    write_openpyxl(os.path.join(OUT, "liaocheng-stacked-label-with-content.xlsx"), [("Sheet1", body)])
    write_expected("liaocheng-stacked-label-with-content", [("project", specific[0]), ("project", specific[1])])
    # Two projects' tables side by side on one sheet, an empty column between: 平阴's form in A–E, 新华's from G. The
    # second was not read (only its header and labels, said to be there twice).
    left, right = Plan(8), Plan(7)
    form_pingyin(left, cleaning, variation(0))
    form_xinhua(right, network, variation(0))
    write_xlsxwriter(os.path.join(OUT, "side-by-side.xlsx"), [("Sheet1", beside(left, right))])
    write_expected("side-by-side", [("project", cleaning), ("project", network)])
    # A 序号 column inserted before 新华's 一级指标 column and filled: on Sheet1 the indicators counted 1, 2, 3 … anew
    # under each 一级指标 (row numbers: no warning, nothing kept), on Sheet2 indicator codes `ZB01` … (not a count:
    # an unknown column, every cell kept as an extra with a warning). Each of the eight cells was a warning before.
    sheets = []
    for numbering in ("counted", "codes"):
        body = Plan(7)
        form_xinhua(body, network, variation(0))
        hr = header_row(body, "一级指标")
        at = next(c for (r, c), (value, _) in body.cells.items() if r == hr and value == "一级指标")
        name = next(c for (r, c), (value, _) in body.cells.items() if r == hr and value == "三级指标") + 1
        body = with_inserted_column(body, at)
        body.put(hr, at, "序号")
        n, previous, r = 0, None, hr + 1
        while (r, name) in body.cells:
            level1 = body.cells.get((r, at + 1), (None, None))[0]
            n = 1 if level1 and level1 != previous else n + 1
            previous = level1 or previous
            body.put(r, at, n if numbering == "counted" else "ZB%02d" % (r - hr), "number" if numbering == "counted" else "text")
            r += 1
        sheets.append(("Sheet%d" % (len(sheets) + 1), body))
    write_openpyxl(os.path.join(OUT, "xinhua-row-numbers.xlsx"), sheets)
    write_expected("xinhua-row-numbers", [("project", network), ("project", network)])
    # 聊城's form with the 满意度指标 cell merged across the 二级指标 column over its two rows (one name for both
    # levels), the level-2 cells empty. The level 2 was read empty — on the merge's first row only — and the review
    # asked the department for a 二级指标 it had written. The sheet shows 满意度指标 there: that is the level-2 text.
    farming = next(x for k, x in seeds.all_tables()["liaocheng"] if x.get("projectName", "").startswith("农业技术推广"))
    body = Plan(8)
    form_liaocheng(body, farming, variation(0))
    hr = header_row(body, "一级指标")
    c1 = next(c for (r, c), (value, _) in body.cells.items() if r == hr and value == "一级指标")
    rows = sorted(r for (r, c), (value, _) in body.cells.items() if c == c1 and r > hr and value == "满意度指标")
    first = rows[0]
    last = max(r2 for r1, cc1, r2, cc2 in body.merges if r1 == first and cc1 == c1) if any(
        r1 == first and cc1 == c1 for r1, cc1, r2, cc2 in body.merges) else first
    body.merges = [m for m in body.merges if not (m[1] <= c1 + 1 and m[3] >= c1 and first <= m[0] <= last)]
    for r in range(first, last + 1):
        body.cells.pop((r, c1 + 1), None)
        body.cells.pop((r, c1), None) if r > first else None
    body.merge(first, c1, last, c1 + 1)
    write_xlsxwriter(os.path.join(OUT, "liaocheng-merged-satisfaction.xlsx"), [("Sheet1", body)])
    merged = json.loads(json.dumps(farming))
    for s_ in merged.get("indicatorSets", []):
        for row in s_["rows"]:
            if row["level1Raw"] == "满意度指标":
                row["level2Raw"] = "满意度指标"
    write_expected("liaocheng-merged-satisfaction", [("project", merged)])
    # Titles of a revised submission with a note after them: 永清's project table, whose only name is its title
    # (`4.经开区新冠病毒防疫资金绩效目标表（修改稿）`: the name was lost, unsaid), and 聊城's performance table, found by a
    # title ending in 整体绩效目标表 (`…整体绩效目标表(调整后)`: “没有找到绩效目标表”).
    fund = [x for k, x in seeds.all_tables()["yongqing"] if k == "project"][3]
    noted = dict(json.loads(json.dumps(fund)), title=fund["title"] + "（修改稿）")
    left = Plan(6)
    form_yongqing(left, noted, variation(0))
    performance = next(x for k, x in seeds.all_tables()["liaocheng"] if k == "departmentPerformance")
    right = Plan(17)
    form_liaocheng_performance(right, performance, variation(0))
    (r, c), (title, kind) = next((k, v) for k, v in right.cells.items() if isinstance(v[0], str) and v[0].endswith("整体绩效目标表"))
    right.cells[(r, c)] = (title + "(调整后)", kind)
    write_openpyxl(os.path.join(OUT, "title-notes.xlsx"), [("永清", left), ("聊城", right)])
    write_expected("title-notes", [("project", noted), ("departmentPerformance", performance)])
    # The flat file as a clerk keeps it: headers spelled as the table forms spell them (指标名称, 目标值, 度量单位), two
    # spare rows of the template with only the levels under the first project, and signature lines under the list.
    # The sheet was not taken for a flat file (its header has two cells with 级, not three): one uncertain table.
    retyped = system_flat()
    for c, h in enumerate(FLAT_HEADER):
        retyped.put(0, c, {"三级指标": "指标名称", "指标值": "目标值", "计量单位": "度量单位"}.get(h, h))
    first_rows = 1 + sum(len(st["rows"]) for st in flat_tables()[0][0]["indicatorSets"])
    spare = Plan(len(FLAT_HEADER))
    for (r, c), v in retyped.cells.items():
        spare.cells[(r + 2 if r >= first_rows else r, c)] = v
    for r in (first_rows, first_rows + 1):
        spare.put(r, FLAT_HEADER.index("一级指标"), "产出指标")
        spare.put(r, FLAT_HEADER.index("二级指标"), "数量指标")
    last = max(r for r, c in spare.cells) + 2
    for c, text in ((0, "填报人：张三"), (2, "联系电话：0531-12345678"), (4, "填报日期：2024年1月5日")):
        spare.put(last, c, text)
    write_openpyxl(os.path.join(OUT, "system-flat-retyped.xlsx"), [("指标明细", spare)])
    write_expected("system-flat-retyped", system_flat_expected())
    # The blank copy signed: the template's spare sheet with the clerk's name, phone and date under it. The signature
    # made it a table, empty, with 未填写 errors for a project that does not exist.
    signed = Plan(8)
    form_pingyin(signed, blank, variation(0))
    last = max(r for r, c in signed.cells) + 2
    for c, text in ((0, "填报人：张三"), (2, "联系电话：0531-12345678"), (4, "填报日期：2024年1月5日")):
        signed.put(last, c, text)
    filled = Plan(8)
    form_pingyin(filled, cleaning, variation(0))
    write_openpyxl(os.path.join(OUT, "pingyin-blank-copy-signed.xlsx"), [("保洁、降尘、绿化养护及建绿透绿项目", filled), ("Sheet2", signed)])
    write_expected("pingyin-blank-copy-signed", [("project", cleaning)])
    # The flat file laid out for printing: a 序号 column first (1, 2, 3 … down the list), and at the page break a
    # `续表` line with the header again. Each number was a warning (an unknown column), the repeated header a row
    # with no project (an error), 续表 another.
    plain = system_flat()
    printed = Plan(len(FLAT_HEADER) + 1)
    rows = max(r for r, c in plain.cells)
    out = 0
    for r in range(rows + 1):
        if r == 12:
            printed.put(out, 0, "续表")
            out += 1
            printed.put(out, 0, "序号")
            for c, h in enumerate(FLAT_HEADER):
                printed.put(out, c + 1, h)
            out += 1
        printed.put(out, 0, "序号" if r == 0 else r)
        for c in range(len(FLAT_HEADER)):
            if (r, c) in plain.cells:
                printed.cells[(out, c + 1)] = plain.cells[(r, c)]
        out += 1
    write_openpyxl(os.path.join(OUT, "system-flat-printed.xlsx"), [("指标明细", printed)])
    write_expected("system-flat-printed", system_flat_expected())
    # 满意度指标 merged across the 二级 column, and an empty column inserted between the two level columns (the merge
    # grows over it: three columns wide). The block ended there, as under a title: both 满意度 rows lost, seven warnings.
    widened = with_inserted_column(body, c1 + 1)
    write_openpyxl(os.path.join(OUT, "liaocheng-merged-satisfaction-wider.xlsx"), [("Sheet1", widened)])
    write_expected("liaocheng-merged-satisfaction-wider", [("project", merged)])
    # The system's export retyped by a clerk with each label and its content in one cell (`主管部门：012-平阴县水务局`):
    # the code-and-name cells were kept as extras with warnings, 主管部门 and 实施单位 left empty.
    typed = system_export(t)
    for (r, c), (value, kind) in list(typed.cells.items()):
        if value in ("主管部门", "实施单位"):
            typed.cells[(r, c)] = (value + "：" + typed.cells.pop((r, c + 1))[0], kind)
    typed.merges = [m for m in typed.merges if m[0] != 2]
    write_openpyxl(os.path.join(OUT, "system-export-labels-typed.xlsx"), [("项目绩效目标", typed)])
    write_expected("system-export-labels-typed", [("project", system_export_expected(t))])
    # A 目录 sheet first, listing the projects of the sheets after it — and a fourth the clerk listed and did not send.
    # It was a warning (“未识别到绩效目标表”, the closest layout the summary list) for a file read whole, and the
    # missing project went unsaid.
    projects = [x for k, x in seeds.all_tables()["pingyin"] if k == "project"][:3]
    contents = Plan(3)
    contents.put(0, 0, "目录"); contents.merge(0, 0, 0, 2)
    for c, h in enumerate(["序号", "项目名称", "页码"]):
        contents.put(1, c, h)
    for i, name in enumerate([x["projectName"] for x in projects] + ["城区道路维修工程"]):
        contents.put(2 + i, 0, str(i + 1)); contents.put(2 + i, 1, name); contents.put(2 + i, 2, str(i + 2))
    sheets = [("目录", contents)]
    for x in projects:
        body = Plan(8)
        form_pingyin(body, x, variation(0))
        sheets.append((x["projectName"][:31], body))
    write_openpyxl(os.path.join(OUT, "pingyin-contents.xlsx"), sheets)
    write_expected("pingyin-contents", [("project", x) for x in projects])
    # Pictures placed in cells, under the indicators in the 指标值 column (a scanned seal, a photo of the site): WPS's
    # 嵌入单元格 (a formula `_xlfn.DISPIMG("ID_…",1)` saved with the text `=DISPIMG(…)`, the picture in
    # xl/cellimages.xml) and Excel's 放置在单元格中 (`#VALUE!` with value metadata). The WPS picture was read as one
    # more indicator whose value was `=DISPIMG("ID_…",1)`, and Excel's was told a formula error.
    body = Plan(8)
    form_pingyin(body, cleaning, variation(0))
    value_column = next(c for (r, c), (value, kind) in body.cells.items() if value == cleaning["indicatorSets"][0]["rows"][0]["value"])
    last_row = max(r for r, c in body.cells)
    path = os.path.join(OUT, "pingyin-pictures-in-cells.xlsx")
    write_openpyxl(path, [("Sheet1", body)])
    with_pictures_in_cells(path, row=last_row + 3, wps_column=value_column, excel_column=value_column + 1)
    write_expected("pingyin-pictures-in-cells", [("project", cleaning)])
    # A note typed two rows under the table, in the 指标值 column (`具体标准详见附件`): read as one more indicator, a
    # satisfaction target with no name (the levels filled down), and the review said the target was implausible. It
    # is the table's note: an extra with no label.
    body = Plan(8)
    form_pingyin(body, cleaning, variation(0))
    body.put(max(r for r, c in body.cells) + 2, value_column, "具体标准详见附件")
    write_openpyxl(os.path.join(OUT, "pingyin-note-under-table.xlsx"), [("Sheet1", body)])
    write_expected("pingyin-note-under-table", [("project", dict(cleaning, extras=[{"label": "", "value": "具体标准详见附件"}]))])
    # The unit typed in a cell of its own: a column inserted after 指标值, the header merged over both, each value
    # written as number and unit split in two (`≥95` | `%`) — in the table form and in the flat file. The number was
    # read as the value, the unit kept as an extra (a warning per row).
    body = Plan(8)
    form_pingyin(body, cleaning, variation(0))
    write_openpyxl(os.path.join(OUT, "pingyin-unit-column.xlsx"), [("Sheet1", with_unit_column(body, "指标值"))])
    write_expected("pingyin-unit-column", [("project", cleaning)])
    write_openpyxl(os.path.join(OUT, "system-flat-unit-column.xlsx"), [("指标明细", with_unit_column(system_flat(), "指标值"))])
    write_expected("system-flat-unit-column", system_flat_expected())
    # A row struck through to mark it deleted (the clerk kept last year's indicator in sight), and a value whose old
    # figure is struck through in front of the new one (`≥90%≥95%`, the first run struck): read as written, as before —
    # and nothing said so. Each is a warning now, once for the row.
    body = Plan(8)
    form_pingyin(body, cleaning, variation(0))
    path = os.path.join(OUT, "pingyin-struck-through.xlsx")
    write_openpyxl(path, [("Sheet1", body)])
    rows = cleaning["indicatorSets"][0]["rows"]
    struck_name, revised = rows[1]["name"], rows[-1]
    struck = json.loads(json.dumps(cleaning))
    struck["indicatorSets"][0]["rows"][-1]["value"] = "≥90%" + revised["value"]
    with_struck_text(path, struck_name, revised["value"], "≥90%")
    write_expected("pingyin-struck-through", [("project", struck)])
    print("58 workbooks in %s" % OUT)


def with_struck_text(path, row_named, value, old_value):
    """Strikes through every filled cell of the row whose cell reads `row_named`, and writes `old_value` struck through
    before the cell reading `value` (rich text), with openpyxl."""
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Font
    wb = openpyxl.load_workbook(path, rich_text=True)
    ws = wb.worksheets[0]
    (row,) = {c.row for line in ws.iter_rows() for c in line if c.value == row_named}
    for c in ws[row]:
        if c.value is not None:
            c.font = Font(name="宋体", size=11, strike=True)
    cells = [c for line in ws.iter_rows(min_row=row + 1) for c in line if c.value == value]
    cells[-1].value = CellRichText([TextBlock(InlineFont(rFont="宋体", sz=11, strike=True), old_value), value])
    wb.save(path)
    reproducible(path)


UNIT_AFTER_NUMBER = re.compile(r"^([≥≤<>=＞＜]*\d+(?:\.\d+)?)(%|％|万元|元|个|人|次|天|年|户|公里|平方米|万平方米|台|套|件|项|人次|家|所|小时|月|吨|亩|处)$")


def with_unit_column(plan, header_text):
    """`plan` with an empty column after the one headed `header_text`, the header merged over both, and each value
    below it that is a number followed by its unit (no space between) split in two: the number stays, the unit goes
    into the new column. Other values (`按时完成`, `≤40 万元`) stay whole."""
    (hr, hc), = [key for key, (value, kind) in plan.cells.items() if value == header_text]
    out = with_inserted_column(plan, hc + 1)
    merged = [m for m in out.merges if (m[0], m[1]) == (hr, hc)]
    out.merges = [m for m in out.merges if (m[0], m[1]) != (hr, hc)]
    out.merge(hr, hc, merged[0][2] if merged else hr, hc + 1)
    covered = {(r, c) for r1, c1, r2, c2 in out.merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1) if (r, c) != (r1, c1)}
    for (r, c), (value, kind) in list(out.cells.items()):
        m = UNIT_AFTER_NUMBER.match(value) if isinstance(value, str) and c == hc and r > hr else None
        if m and (r, c + 1) not in covered and not any(r1 == r and c1 == c and c2 > c for r1, c1, r2, c2 in out.merges):
            out.cells[(r, c)] = (m.group(1), kind)
            out.cells[(r, c + 1)] = (m.group(2), "text")
    return out


def with_pictures_in_cells(path, row, wps_column, excel_column):
    """Adds a row with two pictures placed in cells to the first sheet, as WPS and Excel save them (the parts that
    hold the pictures included), re-zipping the workbook openpyxl wrote."""
    import zipfile
    from openpyxl.utils import get_column_letter
    png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000" "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
    picture_id = "ID_4F0A3C7E9B1D4E2A8C5F6B7A8D9E0F1A"
    wps, excel = get_column_letter(wps_column + 1), get_column_letter(excel_column + 1)
    cells = ('<row r="%d"><c r="%s%d" t="str"><f>_xlfn.DISPIMG(&quot;%s&quot;,1)</f><v>=DISPIMG(&quot;%s&quot;,1)</v></c>'
             '<c r="%s%d" t="e" vm="1"><v>#VALUE!</v></c></row>') % (row, wps, row, picture_id, picture_id, excel, row)
    cell_images = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                   'xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="%s" descr="公章"/>'
                   '<xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
                   '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>'
                   '</xdr:pic></etc:cellImage></etc:cellImages>') % picture_id
    image_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>')
    with zipfile.ZipFile(path) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", cells.encode() + b"</sheetData>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdCellImages" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/></Relationships>')
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Default Extension="png" ContentType="image/png"/><Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/></Types>')
            z.writestr(info, data)
        for name, data in (("xl/cellimages.xml", cell_images.encode()), ("xl/_rels/cellimages.xml.rels", image_rels.encode()), ("xl/media/image1.png", png)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


if __name__ == "__main__":
    main()
