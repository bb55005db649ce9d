import ArgumentParser

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "template")
    func run() throws { throw ValidationError("not yet available") }
}
