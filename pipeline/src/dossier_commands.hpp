#pragma once
// relance dossier export|send (dossier_command.cpp): recovery-agency dossiers, built from the
// ledger and delivered by SFTP exactly once. Registers the commands on the application; run()
// runs the one parsed, if any (as LedgerCommands does).
#include <iosfwd>
#include <memory>
#include <optional>

#include "relance/pipeline/exit_code.hpp"

namespace CLI {
class App;
}

namespace relance::pipeline::detail {

class DossierCommands {
 public:
  explicit DossierCommands(CLI::App& app);
  ~DossierCommands();
  DossierCommands(const DossierCommands&) = delete;
  DossierCommands& operator=(const DossierCommands&) = delete;
  std::optional<ExitCode> run(std::ostream& out, std::ostream& err) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace relance::pipeline::detail
