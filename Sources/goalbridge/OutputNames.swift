import Foundation
import GoalBridgeSpreadsheet

/// Names of the files a command writes in one run: never an input, never the same twice.
struct OutputNames {
    private var used = Set<String>()

    /// `folder/base.ext`, or `folder/base (2).ext`, `(3)` … when an earlier output of this run has the name (two
    /// inputs named 表.xlsx in different folders get two return copies), or when the name is an input's.
    mutating func unique(in folder: String, base: String, tail: String = "", ext: String) -> String {
        var n = 1
        while true {
            // Cut by bytes with room for the temporary name; control and bidi characters dropped (SafeNames).
            let name = SafeNames.fileName(base, ext: ext, n: n, tail: tail)
            let path = (folder as NSString).appendingPathComponent(name)
            let key = InputGuard.resolvedPath(path)
            if !used.contains(key), (try? InputGuard.check(target: path)) != nil {
                used.insert(key)
                return path
            }
            n += 1
        }
    }
}
