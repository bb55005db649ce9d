import Foundation
import GoalBridge
import GoalBridgeModel
import GoalBridgeReview
import GoalBridgeSpreadsheet

/// How far a collection has got, for a progress display.
public struct CollectProgress: Sendable {
    public var done: Int
    public var total: Int
    public var new: Int
    public var unchanged: Int
    public var failed: Int
    public var elapsed: Double
}

/// What one `collect` did.
public struct CollectSummary: Sendable {
    public var run: Int64
    public var seen: Int
    public var new: Int
    public var unchanged: Int
    /// Files stored by this run with status 失败.
    public var failed: Int
    public var byStatus: [FileStatus: Int]
    public var elapsed: Double
    /// Files that are not workbooks (.docx, .pdf, .json …): listed, not stored, not counted as failed.
    public var skipped: [String] = []
    /// Files gone from a folder collected again: withdrawn (撤回), no longer current.
    public var withdrawn: [String] = []
}

/// Reads many workbooks in parallel and stores them in a dataset. A bad file never stops the batch:
/// it is stored with status 失败 and its reason.
public struct Collector: Sendable {
    public let dataset: Dataset
    public let importer: GoalImporter
    public let reviewer: Reviewer
    /// Files stored per transaction (a killed collect loses at most the one in flight).
    public var chunkSize = 512
    /// File each file under a folder by the folder directly under it (`收件/公安局/表.xlsx` → 公安局).
    public var departmentFromFolder = false

    /// - Parameter reviewer: by default the standard review, told which fields each of the importer's layouts asks for.
    public init(dataset: Dataset, importer: GoalImporter? = nil, reviewer: Reviewer? = nil) throws {
        self.dataset = dataset
        let importer = try importer ?? GoalImporter()
        self.importer = importer
        self.reviewer = reviewer ?? Reviewer(formFields: importer.catalog.formFields)
    }

    /// Files named directly, every file under folders (recursively; hidden and Office lock files `~$…` skipped),
    /// and glob patterns. Sorted, duplicates removed.
    public static func expand(_ inputs: [String]) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        // A submission is known by its absolute path: the same folder collected as `收件` and as `/work/收件`, or
        // from another folder, is the same files. Each input is made absolute once (its folder's links resolved);
        // the walk below then yields absolute paths at no cost per file.
        for input in inputs.map(canonicalPath) {
            if input.contains("*") || input.contains("?") || input.contains("[") {
                var g = glob_t()
                defer { globfree(&g) }
                if glob(input, 0, nil, &g) == 0 {
                    for i in 0..<Int(g.gl_pathc) { if let p = g.gl_pathv[i] { out.append(String(cString: p)) } }
                }
                continue
            }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else { out.append(input); continue }
            if !isDir.boolValue { out.append(input); continue }
            walk(input, into: &out)
        }
        // Sorted, then duplicates dropped next to each other (no set of every path on top of the list).
        out.sort()
        var unique: [String] = []
        unique.reserveCapacity(out.count)
        for path in out where unique.last != path { unique.append(path) }
        return unique
    }

    /// `path` as an absolute path: `.` and `..` removed, the links of its folder resolved, and a folder reached
    /// through a link resolved to the folder itself (a submission is a file at its canonical path: the same inbox
    /// through a link is the same files). The last component of a file is kept as given, so a link to a file is
    /// still that file's name.
    public static func canonicalPath(_ path: String) -> String {
        guard !path.isEmpty else { return path }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            return url.resolvingSymlinksInPath().path
        }
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath()
        let name = url.lastPathComponent
        return name == "/" ? "/" : folder.appendingPathComponent(name).path
    }

    /// Every file under `folder`, walked with readdir, whose entries carry their type (FileManager's enumerator
    /// and a stat per entry took 0.65 s for 100,000 files). Hidden entries and Office lock files are skipped;
    /// a symbolic link counts when it leads to a file.
    private static func walk(_ folder: String, into out: inout [String]) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") || name.hasPrefix("~$") { continue }
            let path = prefix + name
            var type = Int(entry.pointee.d_type)
            if type == DT_UNKNOWN || type == DT_LNK {
                // The file system did not say, or it is a link: ask for what the path leads to.
                var st = stat()
                guard stat(path, &st) == 0 else { continue }
                type = (st.st_mode & S_IFMT) == S_IFDIR ? DT_DIR : (st.st_mode & S_IFMT) == S_IFREG ? DT_REG : DT_UNKNOWN
                // Folders reached through links are not followed (a link to a parent would never end).
                if Int(entry.pointee.d_type) == DT_LNK && type == DT_DIR { continue }
            }
            if type == DT_DIR { walk(path, into: &out) } else if type == DT_REG { out.append(path) }
        }
    }

    /// Reads, maps and reviews one file. Never throws: every problem becomes its status and reason.
    public func process(_ path: String) -> CollectedFile { process([path])[0] }

    /// Files processed together per worker, phase by phase (see `process(_ paths:)`). Since reading threads
    /// no longer wait at chunk ends, bigger batches cost nothing there: 16 → 64 took collect from 4,700 to
    /// 5,000 files/s (`goalbridge-bench collect 10000` with GB_BATCH, interleaved runs).
    public var batchSize = 64

    /// Reads, maps and reviews several files, one phase at a time over all of them: load and hash every
    /// file, then read every workbook, then map, then review. The same work as one file after another, but
    /// each phase's code stays hot in the core's caches: 385 → 312 µs per file on one thread
    /// (`goalbridge-bench process` / `process-batched`). Results are in the order of `paths`.
    public func process(_ paths: [String]) -> [CollectedFile] { process(paths, skippingCurrent: false) }

    /// Bytes of files held in memory at once by one `process` call: files are loaded and hashed until their sizes
    /// reach this, then taken through the other phases before more are loaded. Goal tables (tens of KB) go
    /// `batchSize` at a time; a folder of large scans or attachments does not put 64 of them in memory per thread.
    public var loadedBytesPerGroup = 32 << 20

    /// As `process(_:)`; with `skippingCurrent`, a file whose content is already current in the dataset is
    /// only loaded and hashed, and comes back marked `wasCurrent` (collecting a folder again reads only what changed).
    func process(_ paths: [String], skippingCurrent: Bool) -> [CollectedFile] {
        var out: [CollectedFile] = []
        out.reserveCapacity(paths.count)
        var group: [String] = [], data: [Data] = [], hashes: [String] = [], done: [CollectedFile?] = []
        var bytes = 0
        func finishGroup() {
            out += process(group, data, hashes, done, skippingCurrent: skippingCurrent)
            group.removeAll(keepingCapacity: true); data.removeAll(keepingCapacity: true)
            hashes.removeAll(keepingCapacity: true); done.removeAll(keepingCapacity: true)
            bytes = 0
        }
        // Load and hash.
        for path in paths {
            var contents = Data(), hash = "", failure: CollectedFile?
            do {
                // The reader refuses a file over its size limit before reading it into memory.
                contents = try importer.reader.fileContents(path: path)
                hash = FileDigest.sha256(contents)
            } catch let e as SpreadsheetError {
                var size = 0
                if case .limitExceeded(_, let value, _) = e.kind { size = value }
                failure = Collector.failed(path, size: size, Diagnostic(readError: e, file: path))
            } catch {
                failure = Collector.failed(path, size: 0, Diagnostic(.error, "read-error", "无法读取文件，请检查文件是否正被其他程序占用、是否有读取权限。",
                                                                     file: path, detail: error.localizedDescription))
            }
            group.append(path); data.append(contents); hashes.append(hash); done.append(failure)
            bytes += contents.count
            if bytes >= loadedBytesPerGroup { finishGroup() }
        }
        if !group.isEmpty { finishGroup() }
        return out
    }

    /// Where reading threads say which file they are on (set by `goalbridge collect` when it runs supervised).
    public var journal: ReadingJournal?

    /// The phases after loading, over files loaded and hashed (`done[i]` set for those that already failed).
    private func process(_ paths: [String], _ data: [Data], _ hashes: [String], _ done: [CollectedFile?],
                         skippingCurrent: Bool) -> [CollectedFile] {
        let slot = journal?.claim()
        defer { if let slot { journal?.release(slot) } }
        @inline(__always) func working(on path: String) {
            if let slot { journal?.mark(slot, path) }
        }
        var done = done
        let open = paths.indices.filter { done[$0] == nil }
        if skippingCurrent, let current = try? dataset.currentFiles(among: open.map { (paths[$0], hashes[$0]) }) {
            for (k, i) in open.enumerated() where current.contains(k) {
                var known = CollectedFile(path: paths[i], size: data[i].count, sha256: hashes[i], status: .succeeded, reason: nil,
                                          tables: [], diagnostics: [], findings: [])
                known.wasCurrent = true
                done[i] = known
            }
        }
        // Read the workbooks.
        var workbooks = [Workbook?](repeating: nil, count: paths.count)
        var results = [ImportResult?](repeating: nil, count: paths.count)
        for (i, path) in paths.enumerated() where done[i] == nil {
            working(on: path)
            FaultInjection.check(path)
            do {
                workbooks[i] = try importer.reader.read(bytes: data[i], file: path)
            } catch let e as SpreadsheetError {
                results[i] = ImportResult(file: path, tables: [], diagnostics: [Diagnostic(readError: e, file: path)])
            } catch {
                results[i] = ImportResult(file: path, tables: [], diagnostics: [Diagnostic(.error, "read-error", "无法读取文件，请用 Excel/WPS 打开后重新保存再提交。",
                                                                                           file: path, detail: "\(error)")])
            }
        }
        // Map to the model.
        var templates = [(id: String?, version: String?)](repeating: (nil, nil), count: paths.count)
        for (i, path) in paths.enumerated() {
            guard let workbook = workbooks[i] else { continue }
            working(on: path)
            if case .string(let s)? = workbook.properties.custom[GoalImporter.templateIdProperty] { templates[i].id = s }
            if case .string(let s)? = workbook.properties.custom[GoalImporter.templateVersionProperty] { templates[i].version = s }
            if workbook.properties.custom[Dataset.ownOutputProperty] != nil {
                // A receipt or consolidated workbook saved into the folder being collected: say what it is.
                results[i] = ImportResult(file: path, tables: [], diagnostics: [Diagnostic(.error, "own-output",
                    "这是 GoalBridge 生成的汇总表或回执，不是填报的绩效目标表；汇总表中的更正请用 goalbridge apply 导入。", file: path)])
            } else {
                results[i] = importer.importWorkbook(workbook, file: path)
            }
            workbooks[i] = nil
        }
        // Review, and one status per file.
        let collected = paths.indices.map { i -> CollectedFile in
            if let failed = done[i] { return failed }
            working(on: paths[i])
            let result = results[i] ?? ImportResult(file: paths[i], tables: [], diagnostics: [])
            let status: FileStatus
            var reason: String?
            if let error = result.diagnostics.first(where: { $0.severity == .error }) {
                // A table read with certainty beside one that is not (a scratch sheet, a second table in an unknown
                // form): the good one is stored and reviewed, and the reason names the sheet that was not.
                let someRead = result.tables.contains(where: \.isReadWithCertainty)
                status = someRead ? .partial : .failed
                reason = someRead ? error.sheet.map { "工作表“\($0)”：" + error.message } ?? error.message : error.message
            } else if result.tables.isEmpty {
                status = .failed
                reason = "未找到绩效目标表"
            } else if result.diagnostics.contains(where: { $0.severity == .warning }) {
                status = .partial
                reason = result.diagnostics.first { $0.severity == .warning }?.message
            } else {
                status = .succeeded
            }
            let findings = result.tables.isEmpty ? [] : reviewer.review(result.tables)
            return CollectedFile(path: paths[i], size: data[i].count, sha256: hashes[i], status: status, reason: reason,
                                 templateId: templates[i].id, templateVersion: templates[i].version, tables: result.tables,
                                 diagnostics: result.diagnostics, findings: findings)
        }
        // The JSON columns, encoded here on the reading threads (ModelColumnEncoder scales across threads;
        // Foundation's JSONEncoder did not), so the single writer only runs SQL. Should encoding fail,
        // storing encodes again and reports the error.
        return collected.map { file in
            if !file.wasCurrent { working(on: file.path) }
            var f = file
            try? f.encodeForStorage()
            return f
        }
    }

    /// Stores `path` as 失败 because reading it ended the collecting process (found by `goalbridge collect`'s
    /// supervisor). The record carries the file's content hash, so collecting the folder again skips the file
    /// as current instead of reading it again; a changed file is read anew.
    public func storeCrash(_ path: String) throws {
        let contents = (try? importer.reader.fileContents(path: path)) ?? Data()
        let reason = "读取该文件时程序异常终止，请用 Excel/WPS 打开后另存为新文件，再重新提交。"
        var file = CollectedFile(path: path, size: contents.count, sha256: FileDigest.sha256(contents), status: .failed, reason: reason,
                                 tables: [], diagnostics: [Diagnostic(.error, "reader-crashed", reason, file: path)], findings: [])
        try? file.encodeForStorage()
        let run = try dataset.startRun(inputs: [path])
        let stored = try dataset.store([file], run: run)
        try dataset.finishRun(run, seen: 1, new: stored.filter { $0 }.count, unchanged: stored.filter { !$0 }.count)
    }

    /// A file that could not be read at all; its hash is the path's, so that it is stored once per path.
    private static func failed(_ path: String, size: Int, _ d: Diagnostic) -> CollectedFile {
        CollectedFile(path: path, size: size, sha256: FileDigest.sha256(Data(path.utf8)), status: .failed, reason: d.message,
                      tables: [], diagnostics: [d], findings: [])
    }

    /// Collects `inputs` into the dataset. Files already there with the same content are left alone.
    /// Every core reads (`CollectPipeline` hands out batches of `batchSize` files) while the calling thread
    /// stores what is read, `chunkSize` files per transaction, in input order.
    public func collect(_ inputs: [String], progress: ((CollectProgress) -> Void)? = nil) throws -> CollectSummary {
        // The dataset's own files may sit in the folder being collected. Paths are standardised only for files
        // that have one of its names (standardising every one of 100,000 paths cost half a second).
        let own = Set(["", "-wal", "-shm", "-journal", "-reading"].map { URL(fileURLWithPath: dataset.path + $0).standardizedFileURL.path })
        let ownNames = Set(own.map { ($0 as NSString).lastPathComponent })
        let found = Collector.expand(inputs).filter {
            !ownNames.contains(($0 as NSString).lastPathComponent) || !own.contains(URL(fileURLWithPath: $0).standardizedFileURL.path)
        }
        let files = found.filter(Submissions.isWorkbookName)
        let skipped = found.filter { !Submissions.isWorkbookName($0) }
        let run = try dataset.startRun(inputs: inputs)
        let start = Date()
        let perBatch = max(batchSize, 1)
        let batchesPerChunk = max(chunkSize / perBatch, 1)
        // Reading may run two chunks ahead: one being read while one waits to be stored, and no thread idles at
        // the end of a chunk waiting for the last batch of it.
        let pipeline = CollectPipeline<[CollectedFile]>(batchCount: (files.count + perBatch - 1) / perBatch, window: 2 * batchesPerChunk)
        @Sendable func read(_ b: Int) {
            pipeline.deliver(b, process(Array(files[(b * perBatch)..<min((b + 1) * perBatch, files.count)]), skippingCurrent: true))
        }
        // One reading thread per core but one; the calling thread stores, and reads whenever nothing is ready to
        // store. (A reading thread on every core besides it put three busy threads on two cores: 3–4 % of the
        // time went to switching between them.)
        let readers = DispatchGroup()
        for _ in 0..<max(ProcessInfo.processInfo.activeProcessorCount - 1, 0) {
            DispatchQueue.global(qos: .userInitiated).async(group: readers) {
                while let b = pipeline.take() { read(b) }
            }
        }
        var new = 0, unchanged = 0, failed = 0, done = 0
        do {
            while true {
                let batches: [[CollectedFile]]
                if let ready = pipeline.next(batchesPerChunk, waiting: false) {
                    batches = ready
                } else if let b = pipeline.take(waiting: false) {
                    read(b)
                    continue
                } else {
                    batches = pipeline.next(batchesPerChunk) ?? []
                }
                let chunk = batches.joined()
                if chunk.isEmpty { break }
                // Files whose content was current when read are not stored; the rest are checked again inside
                // the transaction (the same content may come twice in one run).
                let fresh = chunk.filter { !$0.wasCurrent }
                let stored = try dataset.store(fresh, run: run)
                for (file, isNew) in zip(fresh, stored) where isNew {
                    new += 1
                    if file.status == .failed { failed += 1 }
                }
                done += chunk.count
                unchanged = done - new
                progress?(CollectProgress(done: done, total: files.count, new: new, unchanged: unchanged, failed: failed,
                                          elapsed: Date().timeIntervalSince(start)))
            }
        } catch {
            pipeline.stop()
            readers.wait()
            throw error
        }
        readers.wait()
        // Folders collected again: a file no longer there is withdrawn. Only under the folders of this run (a
        // file collected on its own, or from another folder, stays as it is).
        let folders = inputs.map(Collector.canonicalPath).filter { path in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
        }
        let present = Set(found)
        var withdrawn: [String] = []
        for folder in folders {
            withdrawn += try dataset.withdraw(try dataset.currentPaths(under: folder).filter { !present.contains($0) })
        }
        try dataset.recordSkipped(skipped, folders: folders, run: run)
        if departmentFromFolder { for folder in folders { try dataset.fileDepartmentsFromFolder(folder) } }
        try dataset.finishRun(run, seen: files.count, new: new, unchanged: unchanged)
        return CollectSummary(run: run, seen: files.count, new: new, unchanged: unchanged, failed: failed, byStatus: try dataset.statusCounts(),
                              elapsed: Date().timeIntervalSince(start), skipped: skipped, withdrawn: withdrawn.sorted())
    }
}
