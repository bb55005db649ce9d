import ArgumentParser

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export")
    func run() throws { throw ValidationError("not yet available") }
}
