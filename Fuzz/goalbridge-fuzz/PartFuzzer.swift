import Foundation

/// The second fuzz target (GOALBRIDGE_FUZZ_MODE=parts): the input is one XML part, the package around it is a
/// valid workbook, zipped here with correct CRCs — so the fuzzer's mutations reach the XML parsers instead of
/// dying at the zip's checksum (what most mutations of a whole .xlsx do). The first byte picks the part.
enum PartFuzzer {
    /// A small valid workbook's parts: one sheet with shared strings, styles, a merge and core properties.
    static let base: [(String, String)] = [
        ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>"#),
        ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#),
        ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="0"/><sheets><sheet name="项目支出绩效目标表" sheetId="1" r:id="rId1"/><sheet name="表2" sheetId="2" state="hidden" r:id="rId4"/></sheets></workbook>"#),
        ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#),
        ("xl/worksheets/sheet1.xml", #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>4</v></c><c r="D2" t="s"><v>5</v></c></row><row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3" t="s"><v>7</v></c><c r="C3" t="inlineStr"><is><t>项目总成本</t></is></c><c r="D3" s="1"><v>45000</v></c><c r="E3"><f>SUM(D3)</f><v>1000.5</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A3:A4"/></mergeCells></worksheet>"#),
        ("xl/worksheets/sheet2.xml", #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c></row></sheetData></worksheet>"#),
        ("xl/sharedStrings.xml", #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="8" uniqueCount="8"><si><t>项目名称</t></si><si><t>警务辅助人员专项经费</t></si><si><t>一级指标</t></si><si><t>二级指标</t></si><si><t>三级指标</t></si><si><t>指标值</t></si><si><r><t>成本</t></r><r><t>指标</t></r></si><si><t>经济成本指标</t><rPh sb="0" eb="1"><t>ケイ</t></rPh></si></sst>"#),
        ("xl/styles.xml", #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>"#),
        ("docProps/core.xml", #"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>标题</dc:title><dc:creator>作者</dc:creator></cp:coreProperties>"#),
    ]

    /// Parts the first input byte can pick (every XML part of `base`).
    static let fuzzable = base.indices.filter { base[$0].0.hasSuffix(".xml") || base[$0].0.hasSuffix(".rels") }

    /// The package with one part replaced by `data[1...]`, as zip bytes.
    static func package(_ data: UnsafeRawBufferPointer) -> [UInt8] {
        guard let selector = data.first else { return StoredZip.archive(base.map { ($0.0, Array($0.1.utf8)) }) }
        let chosen = fuzzable[Int(selector) % fuzzable.count]
        let part = Array(data.dropFirst())
        return StoredZip.archive(base.enumerated().map { i, p in (p.0, i == chosen ? part : Array(p.1.utf8)) })
    }

    /// Seed inputs: every part as it is, selected by its index.
    static func seeds() -> [[UInt8]] {
        fuzzable.enumerated().map { k, i in [UInt8(k)] + Array(base[i].1.utf8) }
    }
}

/// A zip of stored (uncompressed) entries with correct CRC-32s: enough to hand any bytes to the reader as a part.
enum StoredZip {
    static func archive(_ entries: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: UInt32, _ a: inout [UInt8]) { for s in stride(from: 0, to: 32, by: 8) { a.append(UInt8((v >> UInt32(s)) & 0xFF)) } }
        for (name, bytes) in entries {
            let n = Array(name.utf8), crc = crc32(bytes), offset = UInt32(out.count)
            u32(0x04034b50, &out); u16(20, &out); u16(0x0800, &out); u16(0, &out); u16(0, &out); u16(0x21, &out)
            u32(crc, &out); u32(UInt32(bytes.count), &out); u32(UInt32(bytes.count), &out); u16(n.count, &out); u16(0, &out)
            out += n; out += bytes
            u32(0x02014b50, &central); u16(20, &central); u16(20, &central); u16(0x0800, &central); u16(0, &central); u16(0, &central); u16(0x21, &central)
            u32(crc, &central); u32(UInt32(bytes.count), &central); u32(UInt32(bytes.count), &central); u16(n.count, &central)
            u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central); u32(offset, &central)
            central += n
        }
        let start = UInt32(out.count)
        out += central
        u32(0x06054b50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(UInt32(central.count), &out); u32(start, &out); u16(0, &out)
        return out
    }

    static let table: [UInt32] = (0..<256).map { i -> UInt32 in
        var c = UInt32(i)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFFFFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFFFFFF
    }
}
