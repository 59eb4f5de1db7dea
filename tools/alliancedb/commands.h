// The alliancedb subcommands. Each Add*Command registers one subcommand on the
// app; its callback stores the process exit code in `*exit_code`.
#ifndef ALLIANCE_TOOLS_COMMANDS_H_
#define ALLIANCE_TOOLS_COMMANDS_H_

namespace CLI {
class App;
}  // namespace CLI

namespace alliance::tools {

void AddQueryCommand(CLI::App& app, int* exit_code);
void AddImportCommand(CLI::App& app, int* exit_code);
void AddGenerateCommand(CLI::App& app, int* exit_code);
void AddSchemaCommand(CLI::App& app, int* exit_code);
void AddCheckCommand(CLI::App& app, int* exit_code);
void AddBackupCommand(CLI::App& app, int* exit_code);
void AddReportCommand(CLI::App& app, int* exit_code);
void AddExportCommand(CLI::App& app, int* exit_code);
void AddShellCommand(CLI::App& app, int* exit_code);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_COMMANDS_H_
