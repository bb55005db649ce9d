import Foundation

/// Text on its way to a terminal: control characters (ESC, BEL, NUL … — from `_x001B_` escapes in a cell, or a
/// file name) and bidi or other invisible format characters are shown as `<U+001B>`, so no cell can run a terminal
/// escape sequence, hide text or make one name look like another. Line breaks and tabs stay.
enum TerminalText {
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if needsEscape(u) {
                out.append(contentsOf: String(format: "<U+%04X>", u.value).unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    private static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        if u == "\n" || u == "\t" { return false }
        switch u.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}

/// Everything the tool prints goes through `TerminalText` (this shadows Swift's `print` for the module).
func print(_ text: String) {
    Swift.print(TerminalText.escaped(text))
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((TerminalText.escaped(text) + "\n").utf8))
}
