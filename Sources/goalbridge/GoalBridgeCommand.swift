import ArgumentParser
import GoalBridgeDataset
import GoalBridgeSpreadsheet

@main
struct GoalBridgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goalbridge",
        abstract: "预算绩效目标表 ⇄ 数据模型：读取、校验、导入导出 XLSX 绩效目标表。",
        subcommands: [ImportCommand.self, ExportCommand.self, CheckCommand.self, CollectCommand.self, ReportCommand.self, StatusCommand.self, DiffCommand.self, ApplyCommand.self, WithdrawCommand.self, TemplateCommand.self, DumpCommand.self, LayoutsCommand.self, DemoCommand.self])

    /// Sets up the process for batch work (time zone, allocator) before running the chosen subcommand.
    static func main() {
        ProcessTuning.apply()
        Dataset.onWait = { printError("数据集正被另一进程使用，等待中…") }
        main(nil)
    }
}
