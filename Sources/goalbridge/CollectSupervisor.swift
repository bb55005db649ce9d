import Foundation
import GoalBridgeDataset

/// Runs `collect` in a child process and survives it: if reading one file ends the child (a trap, an
/// out-of-memory kill), the files the child was reading at that moment (`ReadingJournal`) are collected again one
/// at a time, the one that ends its process too is stored as 失败 with a reason a clerk can act on, and the
/// collection runs again. What the child stored before it ended stays (each transaction is whole), and files
/// already current are not read twice, so the rerun costs little. One bad file never takes down a batch.
struct CollectSupervisor {
    /// Set in the child's environment: the child does the work.
    static let workerVariable = "GOALBRIDGE_COLLECT_WORKER"
    /// Collections attempted before giving up (each crash removes one file from the next attempt).
    static let maximumAttempts = 16

    var arguments: [String]
    var db: String

    enum Outcome { case exited(Int32), crashed(Int32) }

    /// The exit code for the whole batch: the child's, or 1 when a file had to be set aside.
    func run() throws -> Int32 {
        var setAside = 0
        for _ in 0..<Self.maximumAttempts {
            switch try spawn(arguments) {
            case .exited(let code):
                // The journal matters only after a crash.
                try? FileManager.default.removeItem(atPath: ReadingJournal.path(forDataset: db))
                return setAside > 0 ? max(code, 1) : code
            case .crashed(let signal):
                let suspects = ReadingJournal.inFlight(path: ReadingJournal.path(forDataset: db))
                guard !suspects.isEmpty else {
                    printError("收录进程异常终止（信号 \(signal)），且无法确定是哪个文件引起的。已收录的文件都已保存，请重新运行。")
                    return 1
                }
                var found = false
                for file in suspects {
                    // Alone, without outputs: does this file end the process by itself?
                    if case .crashed = try spawn(["collect", file, "--db", db, "--quiet"]) {
                        try Collector(dataset: try Dataset(path: db)).storeCrash(file)
                        printError("读取 \(file) 时程序异常终止：该文件记为失败，其余文件继续收录。")
                        setAside += 1
                        found = true
                    }
                }
                if !found {
                    printError("收录进程异常终止（信号 \(signal)），单独重读当时正在读取的文件未能重现；继续收录。")
                }
            }
        }
        printError("收录进程多次异常终止，已停止。已收录的文件都已保存。")
        return 1
    }

    /// Runs this program with `arguments` (the subcommand first) as a worker, sharing standard output and error.
    private func spawn(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment[Self.workerVariable] = "1"
        // The supervisor says in words what happened; the runtime's backtrace (seconds per crash) is for developers.
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? .crashed(process.terminationStatus) : .exited(process.terminationStatus)
    }
}
