import ArgumentParser
import GoalBridgeSpreadsheet
import Foundation

struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "打印工作簿读到的原始网格：每个非空单元格与合并区域。Print the grid exactly as read.")

    @OptionGroup var layoutOptions: LayoutOptions

    @Argument(help: "Workbooks (.xlsx) to read.")
    var files: [String]

    @Flag(help: "One JSON document per file (JSON Lines when several files).")
    var json = false

    func run() throws {
        var failed = 0
        let reader = XLSXReader()
        for file in files {
            do {
                let workbook = try reader.read(path: file)
                print(json ? jsonDump(file, workbook) : textDump(file, workbook))
            } catch {
                failed += 1
                if json {
                    print(JSONText.object([("file", JSONText.string(file)), ("error", JSONText.string("\(error)"))]))
                } else {
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    func jsonValue(_ v: CellValue) -> String {
        switch v {
        case .number(let d): return d.isFinite ? CellValue.format(number: d) : JSONText.string("\(d)")
        case .bool(let b): return b ? "true" : "false"
        default: return JSONText.string(v.text)
        }
    }

    func jsonDump(_ file: String, _ wb: Workbook) -> String {
        let sheets = wb.sheets.map { sheet -> String in
            let cells = sheet.cells.map { cell -> String in
                var pairs = [("ref", JSONText.string(cell.reference.description)),
                             ("type", JSONText.string(cell.value.typeName)),
                             ("value", jsonValue(cell.value))]
                if cell.isFormula { pairs.append(("formula", "true")) }
                return JSONText.object(pairs)
            }
            return JSONText.object([("name", JSONText.string(sheet.name)),
                                    ("state", JSONText.string(sheet.state.rawValue)),
                                    ("cells", JSONText.array(cells)),
                                    ("merges", JSONText.array(sheet.merges.map { JSONText.string($0.description) }))])
        }
        return JSONText.object([("file", JSONText.string(file)), ("sheets", JSONText.array(sheets))])
    }

    func textDump(_ file: String, _ wb: Workbook) -> String {
        var lines = ["# \(file)"]
        for sheet in wb.sheets {
            lines.append("## \(sheet.name) (\(sheet.state.rawValue)) — \(sheet.cells.count) cells, \(sheet.merges.count) merges")
            for cell in sheet.cells {
                let text = cell.value.text.replacingOccurrences(of: "\n", with: "⏎")
                lines.append("\(cell.reference)\t\(cell.value.typeName)\(cell.isFormula ? "(formula)" : "")\t\(text)")
            }
            if !sheet.merges.isEmpty { lines.append("merges: " + sheet.merges.map(\.description).joined(separator: " ")) }
        }
        return lines.joined(separator: "\n")
    }
}
