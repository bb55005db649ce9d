#!/usr/bin/env python3
"""Reads the same workbooks with python-calamine (values of every sheet + merged ranges), for comparison
with `goalbridge-bench read FILE`. pip install python-calamine."""
import io, sys, timeit
import python_calamine

for path in sys.argv[1:]:
    data = open(path, "rb").read()

    def read_all():
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        for name in wb.sheet_names:
            sheet = wb.get_sheet_by_name(name)
            sheet.to_python()
            sheet.merged_cell_ranges

    n = 2000
    best = min(timeit.repeat(read_all, number=n, repeat=5)) / n
    print("calamine %s: %.1f µs per workbook (all sheets, values + merges)" % (path.split("/")[-1], best * 1e6))
