"""Reads the published seed texts (shared/seeds) into clean goal tables.

This is deliberately independent of GoalBridge: it knows the seeds' text shapes (DOMAIN.md §0) and nothing of
GoalBridge's layout files or importer. Each table comes out as a dict in the goal-document JSON shape
(docs/goal-document.schema.json), holding only what a department's clean workbook would hold: the text of the
seed cells, trimmed, with the PDF/DOCX extraction damage repaired by the rules below. A table the rules cannot
repair is left out with its reason (EXCLUDED).

Repairs (each one a property of the extraction, not of the table):
- PDF justification spaces are removed inside labels and level names (`社会效益 指标` → `社会效益指标`);
  values, names and texts keep their characters, trimmed.
- Lost empty cells (columns shifted left) and level labels printed in the middle of their merged block: a row's
  cells are read in order as [一级?] [二级?] then the rest, and level 1 is assigned by what the level-2 name
  belongs to (时效指标 → 产出), in the table's own spelling.
- A form's generic title (`项目支出绩效目标表`, the same on every table of the form) is not a table's title:
  the expected table has none; a title that names or numbers the table (`2022年预算项目支出绩效目标表（1）`) is kept.
- DOCX one-cell-per-line text: a line without a leading tab continues the cell above (a wrapped line).
"""
import os
import re

SEEDS = os.environ.get("GB_SEEDS") or os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "seeds")

EXCLUDED = []  # (seed, table title, reason)

L1_OUTPUT = {"产出指标", "部门产出"}
L1_BENEFIT = {"效益指标", "效果指标", "部门效果"}
L1_SATISFACTION = {"满意度指标"}
L1_COST = {"成本指标"}

L2_FAMILY = {
    "数量指标": "output", "质量指标": "output", "时效指标": "output",
    "数量": "output", "质量": "output", "时效": "output", "成本": "output",
    "经济成本指标": "cost", "社会成本指标": "cost", "生态环境成本指标": "cost",
    "经济效益指标": "benefit", "经济效益": "benefit", "社会效益指标": "benefit", "社会效益": "benefit",
    "生态效益指标": "benefit", "生态效益": "benefit",
    "可持续影响指标": "benefit", "可持续发展影响指标": "benefit", "可持续性影响": "benefit", "可持续影响": "benefit",
    "服务对象满意度指标": "satisfaction", "满意度": "satisfaction",
}
DEFAULT_L1 = {"output": "产出指标", "cost": "成本指标", "benefit": "效益指标", "satisfaction": "满意度指标"}


def squeeze(s):
    """A label or level name without the spaces PDF justification put inside it."""
    return re.sub(r"[\s\u3000]+", "", s or "")


def clean(s):
    return (s or "").strip(" \t\r\n\u3000")


def read(name):
    for f in sorted(os.listdir(SEEDS)):
        if f.startswith(name):
            with open(os.path.join(SEEDS, f), encoding="utf-8") as h:
                return h.read().split("\n")
    raise FileNotFoundError(name)


def l1_family(l1):
    if l1 in L1_OUTPUT:
        return "output"
    if l1 in L1_BENEFIT:
        return "benefit"
    if l1 in L1_SATISFACTION:
        return "satisfaction"
    if l1 in L1_COST:
        return "cost"
    return None


class IndicatorReader:
    """Turns indicator rows (lists of cell texts) into rows with level 1 and 2 filled in.

    `cost_is_level1`: 成本指标 is a level-1 name (平阴 2024) rather than a level-2 name under 产出."""

    def __init__(self, data_cells, cost_is_level1=False):
        self.data_cells = data_cells
        self.cost_is_level1 = cost_is_level1
        self.rows = []
        self.l1_spelling = {}
        self.l1 = None
        self.l2 = None
        self.pending_l1 = None

    def is_l1(self, s):
        s = squeeze(s)
        if s == "成本指标":
            return self.cost_is_level1
        return l1_family(s) is not None

    def is_l2(self, s):
        s = squeeze(s)
        if s == "成本指标":
            return not self.cost_is_level1
        return s in L2_FAMILY

    def family_of_l2(self, l2):
        if l2 == "成本指标":
            return "output"
        if l2 in ("成本",):
            return "output"
        return L2_FAMILY.get(l2)

    def add(self, cells):
        """Returns the data cells of the row (`self.data_cells` of them) or raises ValueError."""
        cells = [clean(c) for c in cells]
        i = 0
        n = len(cells)

        def next_nonempty(j):
            while j < n and cells[j] == "":
                j += 1
            return j
        j = next_nonempty(0)
        l1 = l2 = None
        if j < n and self.is_l1(cells[j]):
            l1 = squeeze(cells[j])
            j = next_nonempty(j + 1)
        if j < n and self.is_l2(cells[j]):
            l2 = squeeze(cells[j])
            j += 1
        others = [c for c in cells[j:] if c != ""]
        if l1 is not None:
            fam = l1_family(l1) if l1 != "成本指标" else "cost"
            self.l1_spelling[fam] = l1
            if l2 is None or self.family_of_l2(l2) == fam:
                self.l1 = l1
                self.pending_l1 = None
            else:
                # A level-1 label printed in the middle of its block: it starts at the next row of its family.
                self.pending_l1 = l1
        if l2 is not None:
            fam = self.family_of_l2(l2)
            if self.pending_l1 is not None and l1_family(self.pending_l1) == fam:
                self.l1 = self.pending_l1
                self.pending_l1 = None
            if self.l1 is None or (fam is not None and (l1_family(self.l1) if self.l1 != "成本指标" else "cost") != fam):
                self.l1 = self.l1_spelling.get(fam) or DEFAULT_L1[fam]
            self.l2 = l2
        if self.l1 is None or self.l2 is None:
            raise ValueError("indicator row before any level: %r" % cells)
        return self.l1, self.l2, others


def row(l1, l2, name, value, **more):
    r = {"level1Raw": l1, "level2Raw": l2, "name": name, "value": value}
    for k, v in more.items():
        if v not in (None, ""):
            r[k] = v
    return r


# ---------------------------------------------------------------------------------------------------------------
# S0 长清 2022 (layout A): TSV, two indicator groups (中长期 and 年度) side by side.

def changqing():
    lines = read("000_")
    starts = [i for i, l in enumerate(lines) if re.match(r"^2022年预算项目支出绩效目标表（\d+）$", l.strip())]
    tables = []
    seen = set()
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        title = lines[s].strip()
        if title in seen:
            continue  # the PDF repeats a title at a page break
        body = [l.split("\t") for l in lines[s + 1:end] if l.strip()]
        if not any(c[0].strip() == "项目名称" for c in body):
            continue
        seen.add(title)
        t = {"title": title, "fiscalYear": 2022, "goals": {"items": []}, "extras": []}
        reader = IndicatorReader(2)
        rows = []
        state = None
        for cells in body:
            head = squeeze(cells[0])
            if head == "项目名称":
                t["projectName"] = clean(cells[1])
            elif head == "主管部门":
                t["supervisingDepartment"] = {"name": clean(cells[1])}
            elif head == "财政拨款年度金额":
                t["annualFunds"] = {"text": clean(cells[1])}
            elif head == "总体目标":
                state = "goals"
            elif head == "绩效指标":
                state = "indicators"
            elif state == "goals":
                texts = [clean(c) for c in cells[1:] if clean(c)]
                if len(texts) == 2:
                    t["goals"]["midTerm"], t["goals"]["annual"] = texts
                elif len(texts) == 1:
                    raise ValueError("one goal text")
            elif state == "indicators":
                l1, l2, others = reader.add(cells)
                # The right half repeats level 2 (when the row starts a level-2 block).
                others = [o for o in others if squeeze(o) != l2]
                if len(others) == 4 and others[:2] == others[2:]:
                    name, value = others[:2]
                elif len(others) == 2 and others[0] == others[1]:
                    name, value = "", others[0]
                else:
                    raise ValueError("indicator row %r" % cells)
                rows.append(row(l1, l2, name, value))
        t["indicatorSets"] = [{"scope": "annual", "rows": rows}, {"scope": "midTerm", "rows": [dict(r) for r in rows]}]
        tables.append(t)
    return tables


# ---------------------------------------------------------------------------------------------------------------
# S1 平阴 2024 (layouts B0 and B).

def pingyin_list():
    lines = read("001_")
    s = next(i for i, l in enumerate(lines) if l.strip() == "部分县直部门2024年绩效目标申报表")
    rows = []
    for l in lines[s + 1:]:
        if l.strip().startswith("项目支出绩效目标表"):
            break
        cells = l.split("\t")
        if len(cells) >= 4 and re.match(r"^\d+$", cells[0].strip()):
            e = {"seq": cells[0].strip(), "budgetUnitName": clean(cells[1]), "projectName": clean(cells[2]),
                 "amount": clean(cells[3])}
            if len(cells) > 4 and clean(cells[4]):
                e["remark"] = clean(cells[4])
            rows.append(e)
    return {"title": "部分县直部门2024年绩效目标申报表", "fiscalYear": 2024, "amountUnit": "万元", "rows": rows, "extras": []}


def pingyin():
    lines = read("001_")
    starts = [i for i, l in enumerate(lines) if l.strip().startswith("项目支出绩效目标表")]
    tables = []
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        body = [l.split("\t") for l in lines[s + 1:end] if l.strip() and not re.match(r"^[-|\s]+$", l.replace("\t", "|"))]
        body = [c for c in body if not re.match(r"^\(\s*2024\s*年度\)$", c[0].strip())]
        t = {"fiscalYear": 2024, "amountUnit": "万元", "goals": {"items": []}, "extras": []}
        funds = {}
        reader = IndicatorReader(2, cost_is_level1=True)
        rows = []
        state = None
        for cells in body:
            cells = cells + [""] * (6 - len(cells))
            head = squeeze(cells[0])
            nonempty = [clean(c) for c in cells if clean(c)]
            if head == "项目名称":
                t["projectName"] = clean(cells[1])
                t["projectCategory"] = nonempty[-1] if squeeze(nonempty[-2]) == "项目类别" else None
            elif head == "主管部门":
                t["supervisingDepartment"] = {"name": clean(cells[1])}
                t["implementingUnit"] = {"name": nonempty[-1]}
            elif state != "indicators" and any(squeeze(c).rstrip(":：") in ("年度预算资金总额", "其中:财政拨款", "其中：财政拨款", "上年结转资金", "其他资金") for c in cells):
                label = next(squeeze(c).rstrip(":：") for c in cells if squeeze(c).rstrip(":：") in ("年度预算资金总额", "其中:财政拨款", "其中：财政拨款", "上年结转资金", "其他资金"))
                value = nonempty[-1]
                key = {"年度预算资金总额": "total", "上年结转资金": "carryover", "其他资金": "other"}.get(label, "fiscal")
                funds[key] = value
            elif head in ("(万元)",):
                continue
            elif head.startswith("年度总体") or head == "年度总体绩效目标":
                t["goals"]["annual"] = clean(cells[1])
            elif squeeze(cells[1]) == "一级指标" or head == "一级指标":
                state = "indicators"
            elif state == "indicators":
                if head == "绩效指标":
                    cells = [""] + cells[1:]
                l1, l2, others = reader.add(cells)
                if len(others) != 2:
                    raise ValueError("indicator row %r" % cells)
                rows.append(row(l1, l2, others[0], others[1]))
        t["annualFunds"] = funds
        t["indicatorSets"] = [{"scope": "annual", "rows": rows}]
        tables.append({k: v for k, v in t.items() if v is not None})
    return tables


# ---------------------------------------------------------------------------------------------------------------
# One cell per line (S2 新华, S4 永清): a line starting with a tab is a cell, a line without one continues the
# cell above (a wrapped line, joined without a break), an empty line ends the row. Lines outside rows are
# paragraphs (titles, unit lines, prose).

def cell_stream(lines):
    """[("para", text) | ("row", [cells], first line number)]"""
    out = []
    row = None
    for n, l in enumerate(lines):
        if l.startswith("\t"):
            if row is None:
                row = []
                out.append(("row", row, n + 1))
            row.append(l[1:])
        elif l.strip(" \t\r") == "":
            row = None  # (a line of only U+3000 is a wrapped cell's continuation, not the row's end)
        elif row is not None:
            # A wrapped line joins without a break; a new numbered item (`目标 2：…`) is a real line break.
            row[-1] += ("\n" if re.match(r"^\s*(目标\s*\d|\d+[.、．])", l) else "") + l
        else:
            out.append(("para", l, n + 1))
    return out


WORD_FIELD = re.compile(r"\{\s*TC\b.*?(\}|$)")
BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")


def title_text(s):
    return clean(WORD_FIELD.sub("", BOOKMARK.sub("", s)))


def positional_rows(reader, cells, width):
    """A DOCX indicator row: cells in their columns (no shifts); blanks in the level columns continue the group."""
    cells = [clean(c) for c in cells] + [""] * (width - len(cells))
    if cells[0]:
        reader.l1 = squeeze(cells[0])
    if cells[1]:
        reader.l2 = squeeze(cells[1])
    if reader.l1 is None or reader.l2 is None:
        raise ValueError("indicator row before any level: %r" % cells)
    return reader.l1, reader.l2, cells[2:width]


# S4 永清 2021 F2 (资金绩效目标表): title `N.XX绩效目标表`, 绩效目标, six indicator columns, no amounts.

def yongqing_projects():
    stream = cell_stream(read("004_"))
    tables = []
    current = None
    for item in stream:
        if item[0] == "para":
            t = title_text(item[1])
            m = re.match(r"^(\d+)\.(.+)绩效目标表$", t)
            if m:
                current = {"title": t, "projectName": m.group(2), "goals": {"items": []}, "extras": [],
                           "indicatorSets": [{"scope": "annual", "rows": []}]}
                current["_reader"] = IndicatorReader(4)
                current["_state"] = None
                tables.append(current)
            else:
                current = None  # prose or another kind of table (政府采购预算) after the goal tables
            continue
        if current is None:
            continue
        cells = item[1]
        head = squeeze(cells[0])
        if head == "绩效目标":
            current["goals"]["annual"] = clean(cells[1])
        elif head == "一级指标":
            current["_state"] = "indicators"
        elif current["_state"] == "indicators":
            if not any(clean(c) for c in cells):
                continue
            l1, l2, (name, desc, value, basis) = positional_rows(current["_reader"], cells, 6)
            current["indicatorSets"][0]["rows"].append(row(l1, l2, name, value, description=desc, basis=basis))
    for t in tables:
        del t["_reader"], t["_state"]
    return tables


# S2 新华区 2023 (layouts C and C′).

def xinhua():
    stream = [it for it in cell_stream(read("002_")) if it[0] == "row"]
    tables = []
    t = None
    above = {}
    pending_plan = None
    for _, cells, line in stream:
        cells = [clean(c) for c in cells]
        head = squeeze(cells[0])
        nonempty = [c for c in cells if c]
        if not nonempty:
            continue
        # A table starts at its 项目编码 row; the title and unit lines above it belong to it (one title lacks
        # 绩效目标表; one unit line was joined to its title by the extraction).
        if len(nonempty) == 1 and (head or squeeze(nonempty[0]).startswith("单位")) and head != "绩效目标" \
                and (t is None or t["_state"] == "indicators"):
            text = nonempty[0]
            if "单位：" in text:
                text, unit = text.split("单位：", 1)
                above["unit"] = squeeze(unit)
            if clean(text):
                above["title"] = clean(text)
            continue
        if head in ("项目编码", "项目编号"):
            t = {"title": above.get("title"), "amountUnit": above.get("unit"), "goals": {"items": []}, "extras": [],
                 "indicatorSets": [{"scope": "annual", "rows": []}], "_state": None}
            above = {}
            tables.append(t)
        if t is None:
            continue
        if head in ("项目编码", "项目编号"):
            if cells[1]:
                t["projectCode"] = cells[1]
            t["projectName"] = cells[3]
            t["_nameLabel"] = squeeze(cells[2])
        elif head == "预算规模及资金用途" or (head.startswith("资金支出计划") and "预算数" in map(squeeze, cells)):
            funds = {}
            for i, c in enumerate(cells[:-1]):
                key = {"预算数": "total", "其中：财政资金": "fiscal", "其中:财政资金": "fiscal", "其他资金": "other"}.get(squeeze(c))
                if key and cells[i + 1]:
                    funds[key] = cells[i + 1]
            t["annualFunds"] = funds
            if head.startswith("资金支出计划"):
                pending_plan = "labels"
            t["_state"] = "funds"
        elif head == "项目资金主要用途":
            t["fundUse"] = cells[1]
            t["_form"] = "C'"  # 困难企业补贴: funds inside the spending plan, quarters
        elif head == "" and t["_state"] == "funds" and squeeze(cells[1]) == "资金用途":
            if cells[2]:
                t["fundUse"] = cells[2]
        elif head == "" and t["_state"] == "funds" and pending_plan is None:
            t["fundUse"] = nonempty[0]  # the 资金用途 label is missing in some tables
        elif head.startswith("资金支出计划") or pending_plan == "labels":
            t["_labels"] = [squeeze(c) for c in cells[1:] if c]
            pending_plan = "values"
            t["_state"] = "plan"
        elif pending_plan == "values":
            values = cells[1:1 + len(t["_labels"])]
            values += [""] * (len(t["_labels"]) - len(values))
            t["spendingPlan"] = {"kind": "percent", "points": [
                dict({"label": l}, **({"value": v} if v else {})) for l, v in zip(t["_labels"], values)]}
            pending_plan = None
            t["_state"] = None
        elif head == "绩效目标" or (head == "" and t["_state"] == "goals" and re.match(r"^目标\s*\d", squeeze(cells[1]))):
            t["_state"] = "goals"
            label = squeeze(cells[1]) if len(cells) > 2 else ""
            text = cells[2] if len(cells) > 2 else cells[1]
            if label == "目标" or label == "":
                t["goals"]["annual"] = text or cells[1]
            elif re.match(r"^目标\d+$", label):
                t["goals"]["items"].append({"label": label, "text": text})
            else:
                t["goals"]["annual"] = cells[1]
        elif head == "一级指标":
            t["_state"] = "indicators"
            t["_reader"] = IndicatorReader(4)
        elif t["_state"] == "indicators":
            rows = t["indicatorSets"][0]["rows"]
            cells = cells + [""] * (6 - len(cells))
            if not cells[0] and not cells[1] and not cells[2] and rows:
                # A cell's text split onto a row of its own (DOCX): it continues the row above.
                for key, c in (("description", cells[3]), ("value", cells[4]), ("basis", cells[5])):
                    if c:
                        rows[-1][key] = rows[-1].get(key, "") + c
                continue
            l1, l2, (name, desc, value, basis) = positional_rows(t["_reader"], cells, 6)
            rows.append(row(l1, l2, name, value, description=desc, basis=basis))
    for t in tables:
        if t["goals"]["items"]:
            t["goals"]["annual"] = "\n".join(i["text"] for i in t["goals"]["items"])
        for k in [k for k in t if k.startswith("_") and k not in ("_form", "_nameLabel")]:
            del t[k]
        for k in ("amountUnit", "title"):
            if t[k] is None:
                del t[k]
    return tables


# S3 聊城 2022 project tables (D1 其他运转类, D2 特定目标类): TSV rows under `# 项目绩效目标表` headings.

def pdf_spaces(s):
    """Text without the spaces PDF extraction puts at every change of script (`新增高标准农田 面积`, `≥64 万亩`,
    `要求 2022 年年底`): only a space between two ASCII characters is kept."""
    s = clean(s)
    out = []
    for i, ch in enumerate(s):
        if ch in " \u3000":
            prev = s[i - 1] if i else ""
            nxt = s[i + 1] if i + 1 < len(s) else ""
            if not (prev.isascii() and nxt.isascii() and prev.strip() and nxt.strip()):
                continue
            if out and out[-1] == " ":
                continue
        out.append(ch)
    return "".join(out)


def liaocheng_projects():
    lines = read("003_")
    starts = [i for i, l in enumerate(lines) if l.strip() == "# 项目绩效目标表"]
    tables = []
    for k, s0 in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        body = []
        for l in lines[s0 + 1:end]:
            if l.startswith("#") or "部门整体" in l and l.startswith("#"):
                break
            if l.strip():
                body.append([pdf_spaces(c) for c in l.split("\t")])
        t = {"fiscalYear": 2022, "goals": {"items": []}, "extras": [], "indicatorSets": [{"scope": "annual", "rows": []}]}
        reader = IndicatorReader(3)
        rows = t["indicatorSets"][0]["rows"]
        state = None
        plan_labels = None
        specific = False
        for cells in body:
            head = squeeze(cells[0])
            nonempty = [c for c in cells if c]
            if len(cells) == 1:
                line = cells[0]
                m = re.match(r"^\((\d{4})年度\)$", squeeze(line))
                if m:
                    t["fiscalYear"] = int(m.group(1))
                    continue
                m = re.match(r"^(\d{6})(.+)$", squeeze(line))
                if m:
                    t["implementingUnit"] = {"name": m.group(2), "code": m.group(1)}
                    t["_unitLine"] = line
                    continue
                m = re.match(r"^\[(\d+)\](.+)$", squeeze(line))
                if m:
                    t["supervisingDepartment"] = {"name": m.group(2), "code": m.group(1)}
                    t["_unitLine"] = line
                    continue
                m = re.match(r"^单位[:：](.+)$", squeeze(line))
                if m:
                    t["amountUnit"] = m.group(1)
                    continue
            if head in ("项目编码", "项目编号"):
                t["projectCode"] = nonempty[1]
                t["_codeLabel"] = head
                i = next(i for i, c in enumerate(cells) if squeeze(c) == "项目名称")
                t["projectName"] = next(c for c in cells[i + 1:] if c)
            elif head == "项目单位":
                specific = True
                m = re.match(r"^\[(\d+)\](.+)$", squeeze(nonempty[1]))
                t["implementingUnit"] = {"name": m.group(2), "code": m.group(1)}
                i = next(i for i, c in enumerate(cells) if squeeze(c) == "年度资金总额")
                t["annualFunds"] = {"total": next(c for c in cells[i + 1:] if c)}
            elif head == "预算规模及资金用途":
                funds = {}
                for i, c in enumerate(cells):
                    key = {"预算数": "total", "其中:财政资金": "fiscal", "其中：财政资金": "fiscal", "其他资金": "other"}.get(squeeze(c))
                    if key:
                        value = next((x for x in cells[i + 1:i + 2] if x), None)
                        if value:
                            funds[key] = value
                t["annualFunds"] = funds
                state = "funds"
            elif head == "资金用途":
                t["fundUse"] = nonempty[1]
            elif head == "" and state == "funds":
                t["fundUse"] = nonempty[0]
                state = None
            elif head == "资金支出计划":
                plan_labels = [(i, squeeze(c)) for i, c in enumerate(cells) if i and c]
                state = "plan"
            elif state == "plan":
                points = []
                for i, label in plan_labels:
                    v = cells[i] if i < len(cells) else ""
                    points.append(dict({"label": label}, **({"value": v} if v else {})))
                t["spendingPlan"] = {"kind": "amount", "points": points}
                state = None
            elif head == "绩效目标":
                t["goals"]["annual"] = nonempty[1]
            elif head == "一级指标":
                state = "indicators"
            elif state == "indicators":
                l1, l2, others = reader.add(cells)
                if len(others) == 3:
                    name, desc, value = others
                elif len(others) == 2:
                    (name, value), desc = others, ""
                else:
                    raise ValueError("S3 indicator row %r" % cells)
                rows.append(row(l1, l2, name, value, description=desc))
        if state == "plan":
            # The plan's value row is empty: every point without a value.
            t["spendingPlan"] = {"kind": "amount", "points": [{"label": l} for _, l in plan_labels]}
        t["_form"] = "D2" if specific else "D1"
        tables.append(t)
    return tables


# S3 聊城 2022 department strategic tables (E1): `## 2022 年度聊城市XX整体战略目标表`, 部门名称, 战略目标, a header
# four rows deep, eleven leaf columns.

E1_COLUMNS = ["seq", "indicator", "explanation", "annualTarget", "planned", "currentStandard", "currentStandardSource",
              "threeYearAverage", "lastYear", "historySource", "remark"]


def liaocheng_strategic():
    lines = read("003_")
    starts = [i for i, l in enumerate(lines) if l.startswith("## ") and "整体战略目标表" in l]
    tables = []
    for s0 in starts:
        title = pdf_spaces(lines[s0][3:])
        t = {"title": title, "fiscalYear": int(re.match(r"^(\d{4})", title).group(1)), "rows": [], "extras": []}
        problems = []
        goal_lines = []
        state = None
        for n in range(s0 + 1, len(lines)):
            l = lines[n]
            if l.startswith("## ") or l.startswith("# "):
                break
            if not l.strip() or re.match(r"^[-|\s]+$", l.replace("\t", "|")):
                continue
            cells = [pdf_spaces(c) for c in l.split("\t")]
            while cells and not cells[-1]:
                cells.pop()
            head = squeeze(cells[0]) if cells else ""
            if head.startswith("部门名称"):
                t["departmentName"] = re.split(r"[:：]", head, 1)[1]
                continue
            if head == "战略目标":
                goal_lines.append(cells[1] if len(cells) > 1 else "")
                state = "goal"
                continue
            if state == "goal" and len(cells) == 1 and cells[0].startswith("-"):
                goal_lines.append(cells[0].lstrip("- ").strip())
                continue
            # A data row: 序号 first, or after a leading caption column (`指标`, or empty).
            if cells and re.match(r"^\d+$", cells[0]):
                data = cells
            elif len(cells) > 1 and head in ("", "指标") and re.match(r"^\d+$", cells[1]):
                data = cells[1:]
            else:
                state = "header" if state != "goal" or head in ("序号", "") else state
                continue
            state = "rows"
            if len(data) != len(E1_COLUMNS):
                problems.append("S3:%d has %d cells for %d columns (cells lost or split by the PDF extraction)" % (n + 1, len(data), len(E1_COLUMNS)))
                continue
            values = dict(zip(E1_COLUMNS, data))
            r = {"seq": values["seq"], "indicator": values["indicator"], "annualTarget": values["annualTarget"],
                 "reference": {k: values[k] for k in E1_COLUMNS[4:10] if values[k]}}
            for k in ("explanation", "remark"):
                if values[k]:
                    r[k] = values[k]
            t["rows"].append(r)
        if any(goal_lines):
            t["strategicGoal"] = "\n".join(g for g in goal_lines if g)
        if problems:
            EXCLUDED.append(("S3", title, "; ".join(problems[:3]) + (" …" if len(problems) > 3 else "")))
            continue
        tables.append(t)
    return tables


# S4 永清 2021 department indicators (F1): 指标值 split into 符号 / 值 / 单位 (符号 文字描述: the text is in 单位), with
# 评（扣）分标准 and 指标值确定依据.

def yongqing_department():
    stream = cell_stream(read("004_"))
    start = next(i for i, it in enumerate(stream) if it[0] == "para" and "部门整体支出绩效指标" in it[1])
    t = {"title": "部门整体支出绩效指标", "indicators": {"scope": "annual", "rows": []}, "extras": []}
    reader = IndicatorReader(7)
    state = None
    for it in stream[start + 1:]:
        if it[0] == "para":
            break
        cells = [clean(c) for c in it[1]]
        if squeeze(cells[0]) == "一级指标":
            state = "header"
            continue
        if state == "header" and "符号" in cells:
            state = "rows"
            continue
        if state != "rows" or not any(cells):
            continue
        l1, l2, (name, scoring, desc, symbol, number, unit, basis) = positional_rows(reader, cells, 9)
        raw = unit if (symbol == "文字描述" or symbol == "") and number == "" else symbol + number + unit
        r = row(l1, l2, name, {"raw": raw, "split": {"symbol": symbol, "number": number, "unit": unit}},
                scoringRule=scoring, description=desc, basis=basis)
        t["indicators"]["rows"].append(r)
    return t


# S3 聊城 2022 department performance tables (E2). Only 住房公积金管理中心's rows keep all their cells in the text
# (17 per row: 部门职责 over two columns); the other eleven lose or move cells at page breaks (EXCLUDED.md).

E2_COLUMNS = ["dutySeq", "duty", "dutyDetail", "dutyGoal", "indicator", "explanation", "annualTarget", "planned",
              "currentStandard", "currentStandardSource", "threeYearAverage", "lastYear", "historySource", "remark",
              "workActivities", "budgetProjects", "office"]


def liaocheng_performance():
    lines = read("003_")
    tables = []
    for s0 in [i for i, l in enumerate(lines) if l.startswith("## ") and "整体绩效目标表" in l]:
        title = pdf_spaces(lines[s0][3:])
        if "住房公积金" not in title:
            EXCLUDED.append(("S3", title, "rows lose or move cells at page breaks (15, 16 and 17 cells in one table); "
                                          "their columns cannot be recovered from the text"))
            continue
        dept = re.match(r"^\d{4}年度(.+)整体绩效目标表$", title).group(1)
        t = {"fiscalYear": int(title[:4]), "departmentName": dept, "officeCaption": "填报科室", "rows": [], "extras": []}
        for l in lines[s0 + 1:]:
            if l.startswith("#"):
                break
            cells = [pdf_spaces(c) for c in l.split("\t")]
            if len(cells) != 17 or squeeze(cells[0]) in ("职责序号", "标准值") or not any(cells[3:7]):
                continue
            v = dict(zip(E2_COLUMNS, cells))
            r = {"indicator": v["indicator"], "annualTarget": v["annualTarget"],
                 "reference": {k: v[k] for k in E2_COLUMNS[7:13] if v[k]}}
            for k in ("dutySeq", "duty", "dutyDetail", "dutyGoal", "explanation", "remark", "workActivities", "budgetProjects", "office"):
                if v[k]:
                    r[k] = v[k]
            r["_raw"] = v
            t["rows"].append(r)
        # Written once per duty: 职责序号, 部门职责 and 职责目标 repeat the row above when blank. 子职责 and 科室 do not:
        # there a blank means empty.
        previous = {}
        for r in t["rows"]:
            for k in ("dutySeq", "duty"):
                if k not in r and k in previous:
                    r[k] = previous[k]
            previous = {k: r[k] for k in ("dutySeq", "duty") if k in r}
        tables.append(t)
        # The same table in the 16-column form (部门职责 a single column), as other departments' pages print it.
        narrow = {k: v for k, v in t.items() if k != "rows"}
        narrow["rows"] = [{k: v for k, v in r.items() if k != "dutyDetail"} for r in t["rows"]]
        narrow["_form"] = "16"
        tables.append(narrow)
    return tables


def all_tables():
    """{region: [(kind, table)]}. Keys starting with `_` say how the form wrote the table (which label, which
    variant); they are not part of the expected table."""
    out = {}
    out["changqing"] = [("project", t) for t in changqing()]
    out["pingyin"] = [("projectList", pingyin_list())] + [("project", t) for t in pingyin()]
    out["yongqing"] = [("project", t) for t in yongqing_projects()] + [("departmentIndicators", yongqing_department())]
    out["xinhua"] = [("project", t) for t in xinhua()]
    out["liaocheng"] = [("project", t) for t in liaocheng_projects()] + [("departmentStrategic", t) for t in liaocheng_strategic()] \
        + [("departmentPerformance", t) for t in liaocheng_performance()]
    return out


if __name__ == "__main__":
    import json
    for region, ts in all_tables().items():
        print(region, len(ts))
        for kind, t in ts:
            print(" ", kind, t.get("projectName") or t.get("title"), len(t.get("indicatorSets", [{}])[0].get("rows", t.get("rows", []))))
    print(json.dumps(all_tables()["pingyin"][2][1], ensure_ascii=False, indent=1)[:3000])
