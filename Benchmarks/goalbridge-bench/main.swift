import Foundation
import GoalBridge
import GoalBridgeDataset
import GoalBridgeModel
import GoalBridgeReview
import GoalBridgeSpreadsheet

// Benchmarks for the figures the issues ask for. Run with `make bench` (release build); docs/benchmarks.md.
//   read [FILE [N]]  — a standard-sized goal table from bytes, in process (µs per workbook)
//   large            — one sheet of 500,000 cells (cells per second, peak memory)
//   write            — exporting a standard-sized goal table (ms per workbook)
//   import           — read + map to the model (µs per workbook)
//   collect N        — generate N distinct workbooks, collect them, export the dataset (files/s, peak RSS);
//                      GB_KEEP=DIR reuses generated files, GB_NO_EXPORT=1 skips the export,
//                      GB_EXPORT_DIR=DIR exports elsewhere, GB_CHUNK / GB_BATCH set the collector's sizes
//   steps            — each step of collecting one file, alone on one thread (µs)
//   expand [DIR]     — listing the files under a folder, as collect does first (ms)
//   process, process-phases, process-batched, process-par — Collector.process one file at a time, its
//                      phases over fresh data, phase by phase in batches (GB_BATCH), on every core at once
//   import-par, json, json-fast, json-par, decode-par, review — single steps, and whether they scale

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

ProcessTuning.apply()  // as the goalbridge CLI does
let args = CommandLine.arguments.dropFirst()
let mode = args.first ?? "all"
let root = FileManager.default.currentDirectoryPath
// `read FILE [N]` reads FILE; every other mode uses GB_FILE, or else the 平阴 example (a standard-sized goal table).
let example = mode == "read" && args.count > 1 ? String(args[args.startIndex + 1])
    : ProcessInfo.processInfo.environment["GB_FILE"] ?? root + "/Examples/pingyin-2024-police-auxiliary.xlsx"

func benchRead(iterations: Int = 20_000) throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: example))
    let reader = XLSXReader()
    let wb = try reader.read(bytes: bytes)
    let cells = wb.sheets.reduce(0) { $0 + $1.cells.count }, merges = wb.sheets.reduce(0) { $0 + $1.merges.count }
    for _ in 0..<500 { _ = try reader.read(bytes: bytes) }
    var best = Double.infinity
    for _ in 0..<5 {
        let t0 = now()
        for _ in 0..<(iterations / 5) { _ = try reader.read(bytes: bytes) }
        best = min(best, (now() - t0) / Double(iterations / 5))
    }
    print(String(format: "read    %@ (%d bytes, %d cells, %d merges): %.1f µs per workbook (best of 5 × %d)",
                 (example as NSString).lastPathComponent, bytes.count, cells, merges, best * 1e6, iterations / 5))
    // The same with docProps/core.xml read too (off by default; nothing on the import path uses it).
    let withCore = XLSXReader(readsCoreProperties: true)
    var bestCore = Double.infinity
    for _ in 0..<5 {
        let t0 = now()
        for _ in 0..<(iterations / 5) { _ = try withCore.read(bytes: bytes) }
        bestCore = min(bestCore, (now() - t0) / Double(iterations / 5))
    }
    print(String(format: "        with core properties (title, author): %.1f µs per workbook", bestCore * 1e6))
}

func benchImport(iterations: Int = Int(ProcessInfo.processInfo.environment["GB_ITER"] ?? "") ?? 5_000) throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: example))
    let importer = try GoalImporter()
    let reader = XLSXReader()
    for _ in 0..<200 { _ = importer.importWorkbook(try reader.read(bytes: bytes)) }
    let t0 = now()
    for _ in 0..<iterations { _ = importer.importWorkbook(try reader.read(bytes: bytes)) }
    let per = (now() - t0) / Double(iterations)
    print(String(format: "import  read + map to model: %.1f µs per workbook (%d workbooks)", per * 1e6, iterations))
}

func benchWrite(iterations: Int = 500) throws {
    let result = try GoalImporter().importFile(example)
    let exporter = try GoalExporter()
    let dir = NSTemporaryDirectory() + "gb-bench-\(getpid())"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let t0 = now()
    for i in 0..<iterations { try exporter.export(result.tables, to: "\(dir)/\(i % 10).xlsx") }
    let per = (now() - t0) / Double(iterations)
    print(String(format: "write   export a standard goal table: %.2f ms per workbook (%d workbooks)", per * 1e3, iterations))
}

func benchLarge(rows: Int = 50_000, columns: Int = 10) throws {
    let path = NSTemporaryDirectory() + "gb-bench-large-\(getpid()).xlsx"
    defer { unlink(path) }
    let writer = try XLSXWriter(path: path)
    let sheet = try writer.addSheet("大表")
    for r in 0..<rows {
        for c in 0..<columns {
            let ref = CellReference(row: r, column: c)
            if c % 2 == 0 { try sheet.write("项目\(r % 1000)-\(c)", at: ref) } else { try sheet.write(Double(r * c) / 7, at: ref) }
        }
    }
    try writer.close()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let before = peakRSSMiB()
    let t0 = now()
    let wb = try XLSXReader().read(bytes: bytes)
    let dt = now() - t0
    let cells = wb.sheets[0].cells.count
    print(String(format: "large   one sheet of %d cells (%.1f MB xlsx): %.0f ms, %.2f million cells/s, peak RSS %.0f MiB (before read %.0f MiB)",
                 cells, Double(bytes.count) / 1e6, dt * 1e3, Double(cells) / dt / 1e6, peakRSSMiB(), before))
}

/// Generates `count` distinct standard workbooks (each a real example table with its own project name),
/// then collects them into a fresh dataset: files per second and peak memory.
func benchCollect(count: Int) throws {
    // GB_KEEP=DIR keeps the generated workbooks in DIR and reuses them on the next run (profiling collect alone).
    let kept = ProcessInfo.processInfo.environment["GB_KEEP"]
    let dir = kept ?? NSTemporaryDirectory() + "gb-bench-collect-\(getpid())"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { if kept == nil { try? FileManager.default.removeItem(atPath: dir) } }
    let reuse = kept != nil && FileManager.default.fileExists(atPath: dir + "/\((count - 1) / 1000)/\(count - 1).xlsx")
    if kept != nil { try? FileManager.default.removeItem(atPath: dir + "/dataset.sqlite"); for s in ["-wal", "-shm"] { unlink(dir + "/dataset.sqlite" + s) } }
    let base = try GoalImporter().importFile(example).tables
    let exporter = try GoalExporter()
    let t0 = now()
    let generate: @Sendable (Int) -> Void = { i in
        var tables = base
        if case .project(var t) = tables[0] { t.projectName = "\(t.projectName ?? "")-\(i)"; tables[0] = .project(t) }
        let sub = dir + "/\(i / 1000)"
        try? FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        _ = try? exporter.export(tables, to: "\(sub)/\(i).xlsx")
    }
    if reuse {}
    else if ProcessInfo.processInfo.environment["GB_SERIAL"] != nil { for i in 0..<count { generate(i) } }
    else { DispatchQueue.concurrentPerform(iterations: count) { generate($0) } }
    let generated = now() - t0
    let dataset = try Dataset(path: dir + "/dataset.sqlite")
    let before = peakRSSMiB()
    let t1 = now()
    var collector = try Collector(dataset: dataset)
    if let b = ProcessInfo.processInfo.environment["GB_BATCH"].flatMap({ Int($0) }) { collector.batchSize = b }
    if let c = ProcessInfo.processInfo.environment["GB_CHUNK"].flatMap({ Int($0) }) { collector.chunkSize = c }
    let summary = try collector.collect([dir])
    let dt = now() - t1
    print(String(format: "collect %d standard workbooks (generated in %.1f s): %.1f s, %.0f workbooks/s, %d new, peak RSS %.0f MiB (%.0f MiB before collect)",
                 count, generated, dt, Double(summary.seen) / dt, summary.new, peakRSSMiB(), before))
    if ProcessInfo.processInfo.environment["GB_NO_EXPORT"] != nil { return }
    let t2 = now()
    // GB_EXPORT_DIR puts the exported workbooks elsewhere (e.g. /dev/shm, to measure without the disk's file creation).
    let out = (ProcessInfo.processInfo.environment["GB_EXPORT_DIR"] ?? dir) + "/export-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: out) }
    let (written, _) = try dataset.exportTables(to: out, exporter: exporter)
    let de = now() - t2
    print(String(format: "export  %d workbooks from the dataset: %.1f s, %.0f workbooks/s on all cores, peak RSS %.0f MiB",
                 written.count, de, Double(written.count) / de, peakRSSMiB()))
}

/// Where one collected file's time goes, step by step, single-threaded (µs per file).
func benchCollectSteps(iterations: Int = 2_000) throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: example))
    let importer = try GoalImporter()
    let reviewer = Reviewer()
    let workbook = try importer.reader.read(bytes: bytes)
    let result = importer.importWorkbook(workbook)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    func time(_ label: String, _ body: () throws -> Void) rethrows {
        for _ in 0..<50 { try body() }
        let t0 = now()
        for _ in 0..<iterations { try body() }
        let padded = label.padding(toLength: 30, withPad: " ", startingAt: 0)
        print(padded + String(format: "%8.1f µs", (now() - t0) / Double(iterations) * 1e6))
    }
    print("collect steps for \((example as NSString).lastPathComponent), one thread:")
    time("sha256") { _ = FileDigest.sha256(bytes) }
    try time("file from disk (Data(contentsOf:))") { _ = try Data(contentsOf: URL(fileURLWithPath: example)) }
    try time("read") { _ = try importer.reader.read(bytes: bytes) }
    time("map (import a read workbook)") { _ = importer.importWorkbook(workbook) }
    try time("read + map, fresh each time") { _ = importer.importWorkbook(try importer.reader.read(bytes: bytes)) }
    time("review") { _ = reviewer.review(result.tables) }
    try time("model JSON (sorted keys)") { for t in result.tables { _ = try encoder.encode(t) } }
    let plain = JSONEncoder()
    try time("model JSON (unsorted)") { for t in result.tables { _ = try plain.encode(t) } }
    let decoder = JSONDecoder()
    let encodedTables = try result.tables.map { try plain.encode($0) }
    try time("model JSON decode") { for d in encodedTables { _ = try decoder.decode(GoalTable.self, from: d) } }
    let compact = JSONEncoder()
    compact.userInfo[.compactSourceCells] = true
    try time("model JSON (dataset form)") { for t in result.tables { _ = try compact.encode(t) } }
    let compactTables = try result.tables.map { try compact.encode($0) }
    try time("model JSON decode (dataset)") { for d in compactTables { _ = try decoder.decode(GoalTable.self, from: d) } }
    let fast = ModelColumnEncoder()
    try time("model JSON (dataset encoder)") { for t in result.tables { _ = try fast.encode(t) } }
    let fastTables = try result.tables.map { try fast.encode($0) }
    print("  dataset encoder decodes to the same tables: \(try fastTables.map { try decoder.decode(GoalTable.self, from: Data($0.utf8)) } == result.tables)")
    let plist = PropertyListEncoder()
    plist.outputFormat = .binary
    try time("model binary plist") { for t in result.tables { _ = try plist.encode(t) } }
    print("  findings per file: \(reviewer.review(result.tables).count), diagnostics: \(result.diagnostics.count), indicators: \(result.tables.map { if case .project(let p) = $0 { return p.indicatorSets.map(\.rows.count).reduce(0, +) } else { return 0 } }.reduce(0, +))")
    let json = try result.tables.map { try encoder.encode($0) }
    print("  model JSON size: \(json.map(\.count).reduce(0, +)) bytes")
    // Storing: batches of 256 distinct copies, one transaction each, as collect does.
    let dir = NSTemporaryDirectory() + "gb-bench-steps-\(getpid())"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let dataset = try Dataset(path: dir + "/steps.sqlite")
    let run = try dataset.startRun(inputs: [])
    let findings = reviewer.review(result.tables)
    var serial = 0
    let batches = 8
    let t0 = now()
    for _ in 0..<batches {
        let files = (0..<256).map { _ -> CollectedFile in
            serial += 1
            return CollectedFile(path: "/x/\(serial).xlsx", size: bytes.count, sha256: "\(serial)", status: .succeeded, reason: nil,
                                 tables: result.tables, diagnostics: result.diagnostics, findings: findings)
        }
        try dataset.store(files, run: run)
    }
    print("store (SQLite, incl. JSON)".padding(toLength: 30, withPad: " ", startingAt: 0)
          + String(format: "%8.1f µs", (now() - t0) / Double(batches * 256) * 1e6))
}

do {
    switch mode {
    case "steps": try benchCollectSteps()
    case "json-par":
        let tables = try GoalImporter().importFile(example).tables
        let threads = ProcessInfo.processInfo.activeProcessorCount, n = 10_000
        let t0 = now()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let compact = JSONEncoder()
            compact.userInfo[.compactSourceCells] = true
            for _ in 0..<n { for t in tables { _ = try! compact.encode(t) } }
        }
        print(String(format: "json    on %d threads at once: %.1f µs per table per thread", threads, (now() - t0) / Double(n) * 1e6))
        let t1 = now()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let fast = ModelColumnEncoder()
            for _ in 0..<n { for t in tables { _ = try! fast.encode(t) } }
        }
        print(String(format: "json    dataset encoder on %d threads at once: %.1f µs per table per thread", threads, (now() - t1) / Double(n) * 1e6))
    case "process":
        let dataset = try Dataset(path: NSTemporaryDirectory() + "gb-bench-pp-\(getpid()).sqlite")
        let collector = try Collector(dataset: dataset)
        // GB_N: fewer files for a profile under callgrind (the figures in docs/benchmarks.md use the default 5,000).
        let n = Int(ProcessInfo.processInfo.environment["GB_N"] ?? "") ?? 5_000
        let t0 = now()
        for _ in 0..<n { _ = collector.process(example) }
        print(String(format: "process one thread: %.1f µs per file", (now() - t0) / Double(n) * 1e6))
    case "process-phases":
        // Collector.process's phases, timed inside one loop over fresh data (µs per file).
        let importer = try GoalImporter()
        let reviewer = Reviewer()
        var t = [Double](repeating: 0, count: 6)
        let n = 4_000
        for _ in 0..<n {
            var a = now()
            var st = stat(); _ = stat(example, &st)
            let data = try Data(contentsOf: URL(fileURLWithPath: example))
            var b = now(); t[0] += b - a; a = b
            _ = FileDigest.sha256(data)
            b = now(); t[1] += b - a; a = b
            let workbook = try importer.reader.read(bytes: data, file: example)
            b = now(); t[2] += b - a; a = b
            let result = importer.importWorkbook(workbook, file: example)
            b = now(); t[3] += b - a; a = b
            let findings = reviewer.review(result.tables)
            b = now(); t[4] += b - a; a = b
            _ = (findings, result, workbook)
        }
        for (i, name) in ["stat + file", "sha256", "read", "import", "review"].enumerated() {
            print(name.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%8.1f µs", t[i] / Double(n) * 1e6))
        }
    case "process-batched":
        // The same phases, each run over a batch of 64 files before the next phase (instruction-cache locality).
        let importer = try GoalImporter()
        let reviewer = Reviewer()
        let n = 4_000, batch = Int(ProcessInfo.processInfo.environment["GB_BATCH"] ?? "") ?? 64
        let t0 = now()
        for _ in 0..<(n / batch) {
            var datas: [Data] = []
            for _ in 0..<batch { datas.append(try Data(contentsOf: URL(fileURLWithPath: example))) }
            for d in datas { _ = FileDigest.sha256(d) }
            let workbooks = try datas.map { try importer.reader.read(bytes: $0, file: example) }
            let results = workbooks.map { importer.importWorkbook($0, file: example) }
            let findings = results.map { reviewer.review($0.tables) }
            _ = findings
        }
        print(String(format: "process in batches of %d: %.1f µs per file", batch, (now() - t0) / Double(n) * 1e6))
    case "process-par":
        // Collector.process (read a file, hash, map, review) on every core at once vs one core.
        let dataset = try Dataset(path: NSTemporaryDirectory() + "gb-bench-pp-\(getpid()).sqlite")
        let collector = try Collector(dataset: dataset)
        let n = 2_000
        var t0 = now()
        for _ in 0..<n { _ = collector.process(example) }
        print(String(format: "process one thread: %.1f µs per file", (now() - t0) / Double(n) * 1e6))
        let threads = ProcessInfo.processInfo.activeProcessorCount
        t0 = now()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in for _ in 0..<n { _ = collector.process(example) } }
        print(String(format: "process on %d threads at once: %.1f µs per file per thread", threads, (now() - t0) / Double(n) * 1e6))
        let reviewer = Reviewer()
        let tables = try GoalImporter().importFile(example).tables
        t0 = now()
        for _ in 0..<n * 5 { _ = reviewer.review(tables) }
        print(String(format: "review one thread: %.1f µs per file", (now() - t0) / Double(n * 5) * 1e6))
        t0 = now()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in for _ in 0..<n * 5 { _ = reviewer.review(tables) } }
        print(String(format: "review on %d threads at once: %.1f µs per file per thread", threads, (now() - t0) / Double(n * 5) * 1e6))
    case "import-par":
        // Read + map on every core at once, in one process: per-workbook time per thread shows contention.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: example))
        let importer = try GoalImporter()
        let threads = ProcessInfo.processInfo.activeProcessorCount, n = 3_000
        let t0 = now()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            for _ in 0..<n { _ = importer.importWorkbook(try! importer.reader.read(bytes: bytes)) }
        }
        print(String(format: "import  on %d threads at once: %.1f µs per workbook per thread", threads, (now() - t0) / Double(n) * 1e6))
    case "review":
        let tables = try GoalImporter().importFile(example).tables
        let reviewer = Reviewer()
        let t0 = now()
        for _ in 0..<20_000 { _ = reviewer.review(tables) }
        print(String(format: "review  %.1f µs per table", (now() - t0) / 20_000 * 1e6))
    case "decode-par":
        // Decoding stored models (export from the dataset) on one thread, then on every core at once.
        let tables = try GoalImporter().importFile(example).tables
        let texts = try tables.map { try ModelColumnEncoder().encode($0) }
        let n = 5_000
        var t0 = now()
        for _ in 0..<n { for t in texts { _ = try JSONDecoder().decode(GoalTable.self, from: Data(t.utf8)) } }
        print(String(format: "decode  one thread: %.1f µs per table", (now() - t0) / Double(n) * 1e6))
        let threads = ProcessInfo.processInfo.activeProcessorCount
        t0 = now()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            for _ in 0..<n { for t in texts { _ = try! JSONDecoder().decode(GoalTable.self, from: Data(t.utf8)) } }
        }
        print(String(format: "decode  on %d threads at once: %.1f µs per table per thread", threads, (now() - t0) / Double(n) * 1e6))
    case "json-fast":
        let tables = try GoalImporter().importFile(example).tables
        let fast = ModelColumnEncoder()
        let t0 = now()
        for _ in 0..<20_000 { for t in tables { _ = try fast.encode(t) } }
        print(String(format: "json    dataset encoder %.1f µs per table", (now() - t0) / 20_000 * 1e6))
    case "json":
        // Encoding one table's model for the dataset, in a loop (for profiling).
        let tables = try GoalImporter().importFile(example).tables
        let compact = JSONEncoder()
        compact.userInfo[.compactSourceCells] = true
        let t0 = now()
        for _ in 0..<20_000 { for t in tables { _ = try compact.encode(t) } }
        print(String(format: "json    %.1f µs per table", (now() - t0) / 20_000 * 1e6))
    case "collect": try benchCollect(count: Int(args.dropFirst().first ?? "") ?? 10_000)
    case "expand":
        // Listing the files under a folder, as collect does first (e.g. a folder kept with GB_KEEP).
        let folder = args.dropFirst().first ?? root + "/Examples"
        let t0 = now()
        let files = Collector.expand([folder])
        print(String(format: "expand  %d files under %@: %.0f ms", files.count, folder, (now() - t0) * 1e3))
    case "read": try benchRead(iterations: Int(args.dropFirst(2).first ?? "") ?? 20_000)
    case "import": try benchImport()
    case "write": try benchWrite()
    case "large": try benchLarge()
    default:
        try benchRead()
        try benchImport()
        try benchWrite()
        try benchLarge()
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
