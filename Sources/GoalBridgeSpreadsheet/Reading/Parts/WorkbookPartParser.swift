/// Reads `xl/workbook.xml`: sheet names, order, visibility and relationship ids, and the date system.
final class WorkbookPartParser: XMLPartHandler {
    struct SheetEntry {
        var name: String
        var relationshipId: String
        var state: SheetState
    }

    var sheets: [SheetEntry] = []
    var uses1904 = false

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("sheet") {
            let state: SheetState
            switch attributes.string("state") {
            case "hidden": state = .hidden
            case "veryHidden": state = .veryHidden
            default: state = .visible
            }
            sheets.append(SheetEntry(name: OOXMLTextDecodeString(attributes.string("name") ?? ""),
                                     relationshipId: attributes.string("id", namespaced: true) ?? "",
                                     state: state))
        } else if name.is("workbookPr") {
            let v = attributes.string("date1904")
            uses1904 = v == "1" || v == "true"
        }
    }

    override func end(_ name: XMLName) {
        // workbookPr and sheets come first; defined names, calculation and extension lists after them are not read.
        if name.is("sheets") { finishEarly() }
    }
}

func OOXMLTextDecodeString(_ s: String) -> String {
    var s = s
    return s.withUTF8 { OOXMLText.decode($0) }
}
