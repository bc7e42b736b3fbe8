// relance dossier send against a real OpenSSH server (Debian's openssh-server) that the test starts
// on 127.0.0.1 and a free port, with a throwaway host key and user key in a temporary folder, and
// stops in TearDown (its whole process group). sshd runs as the current user; as root, sshd insists
// on its privilege separation folder /run/sshd, which the test creates when missing (as Debian's
// ssh.service does). Checked: a dossier ZIP uploaded byte for byte under its final name (a
// temporary name while it travels), in a folder created on the way; a second send uploads nothing;
// a wrong host key, or a host missing from known_hosts, is refused with a clear error and nothing
// written; a dossier paid since its export is not sent; a file already on the server (a run killed
// before the journal's write) is recorded without a second upload, and a different one is never
// overwritten. Skipped when /usr/sbin/sshd or ssh-keygen is missing.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "config.hpp"
#include "digest.hpp"
#include "dossier.hpp"
#include "dossier_commands.hpp"
#include "ledger.hpp"
#include "test_support.hpp"

extern char** environ;

using relance::testing::fixtures_dir;
using relance::testing::read_file;
using relance::testing::run_command;
using relance::testing::TempDir;
using relance::testing::write_file;

namespace {

namespace fs = std::filesystem;
namespace detail = relance::pipeline::detail;
using Json = nlohmann::json;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

constexpr const char* sshd_path = "/usr/sbin/sshd";
constexpr const char* keygen_path = "/usr/bin/ssh-keygen";

constexpr const char* config_toml = R"toml([company]
name = "Atelier Dupont SARL"
line_one = "12 rue des Lilas"
city = "Lyon"
post_code = "69003"
country_code = "FR"
siren = "732829320"
)toml";

constexpr const char* customers_csv =
    "id,name,siren,siret,vat_id,email,address_line1,post_code,city,country,language,profile\n"
    "C-HB,Hôtel des Brotteaux SARL,,98765432400019,FR14987654324,compta@hotel-brotteaux.example,5 "
    "boulevard des Brotteaux,69006,Lyon,FR,fr,new\n";

struct CliRun {
  int exit_code = -1;
  std::string out, err;
};

CliRun dossier_cli(const std::vector<std::string>& args) {
  CLI::App app{"relance", "relance"};
  app.require_subcommand(1);
  const detail::DossierCommands commands(app);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return {2, "", e.what()};
  }
  std::ostringstream out, err;
  const auto code = commands.run(out, err);
  return {code ? static_cast<int>(*code) : -1, out.str(), err.str()};
}

int free_port() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    ::close(s);
    return -1;
  }
  ::close(s);
  return ntohs(a.sin_port);
}

bool accepts_connections(int port) {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(s);
  return ok;
}

std::string current_user() {
  const passwd* pw = ::getpwuid(::geteuid());
  return pw ? pw->pw_name : "";
}

// "ssh-ed25519 AAAA..." from a .pub file (its comment left out).
std::string public_key_line(const fs::path& pub) {
  std::istringstream in(read_file(pub));
  std::string type, key;
  in >> type >> key;
  return type + " " + key;
}

std::set<std::string> files_under(const fs::path& root) {
  std::set<std::string> out;
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out.insert(fs::relative(e.path(), root).generic_string());
  return out;
}

class SftpDelivery : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(sshd_path) || !fs::exists(keygen_path))
      GTEST_SKIP() << "OpenSSH is not installed (" << sshd_path << ", " << keygen_path
                   << "): apt-get install openssh-server openssh-client";
    user_ = current_user();
    ASSERT_FALSE(user_.empty());
    if (::geteuid() == 0 && !fs::exists("/run/sshd")) {
      // sshd started by root requires its (empty) privilege separation folder.
      std::error_code ec;
      fs::create_directories("/run/sshd", ec);
      ::chmod("/run/sshd", 0755);
      ASSERT_TRUE(fs::is_directory("/run/sshd")) << "cannot create /run/sshd: " << ec.message();
    }
    const fs::path keys = tmp_ / "ssh";
    fs::create_directories(keys);
    fs::create_directories(upload_root());
    for (const char* name : {"host_key", "user_key", "other_host_key"}) {
      const auto r = run_command(
          {keygen_path, "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", (keys / name).string()});
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    write_file(keys / "authorized_keys", read_file(keys / "user_key.pub"));
    port_ = free_port();
    ASSERT_GT(port_, 0);
    write_file(keys / "sshd_config", "HostKey " + (keys / "host_key").string() +
                                         "\n"
                                         "ListenAddress 127.0.0.1\n"
                                         "AuthorizedKeysFile " +
                                         (keys / "authorized_keys").string() +
                                         "\n"
                                         "PubkeyAuthentication yes\n"
                                         "PasswordAuthentication no\n"
                                         "KbdInteractiveAuthentication no\n"
                                         "PermitRootLogin prohibit-password\n"
                                         "StrictModes no\n"
                                         "UsePAM no\n"
                                         "PidFile " +
                                         (keys / "sshd.pid").string() +
                                         "\n"
                                         "Subsystem sftp internal-sftp\n"
                                         "LogLevel VERBOSE\n");
    write_file(known_hosts(),
               "[127.0.0.1]:" + std::to_string(port_) + " " + public_key_line(keys / "host_key.pub") + "\n");
    start_sshd(keys);
    if (HasFatalFailure()) return;

    // The ledger, the letters and one dossier: C-HB's formal notice of 2024-05-19 for FA-2024-0042,
    // exported on 2024-05-28.
    write_file(tmp_ / "relance.toml", config_toml);
    write_file(tmp_ / "customers.csv", customers_csv);
    const auto import =
        run_command({RELANCE_EXE, "ledger", "import", (tmp_ / "customers.csv").string(),
                     (fixtures_dir() / "invoices" / "cii" / "minimal-en16931.xml").string(), "--db", db()});
    ASSERT_EQ(import.exit_code, 0) << import.out << import.err;
    for (const char* date : {"2024-04-21", "2024-05-05", "2024-05-19"}) {
      const auto r = run_command({RELANCE_EXE, "remind", "--as-of", date, "--db", db(), "--config",
                                  (tmp_ / "relance.toml").string(), "--out", (tmp_ / "letters").string()});
      ASSERT_EQ(r.exit_code, 0) << date << r.out << r.err;
    }
    const auto exported = dossier_cli({"dossier", "export", "--as-of", "2024-05-28", "--db", db(), "--config",
                                       (tmp_ / "relance.toml").string(), "--out", out().string(), "--letters",
                                       (tmp_ / "letters").string()});
    ASSERT_EQ(exported.exit_code, 0) << exported.out << exported.err;
    zip_ = out() / "dossiers" / "2024-05-28" / "C-HB.zip";
    ASSERT_TRUE(fs::exists(zip_)) << exported.out;

    ::setenv(
        "RELANCE_SFTP_URL",
        ("sftp://127.0.0.1:" + std::to_string(port_) + upload_root().string() + "/agency/incoming/").c_str(),
        1);
    ::setenv("RELANCE_SFTP_USER", user_.c_str(), 1);
    ::setenv("RELANCE_SFTP_KEY", (keys / "user_key").string().c_str(), 1);
    ::setenv("RELANCE_SFTP_KNOWN_HOSTS", known_hosts().string().c_str(), 1);
    ::unsetenv("RELANCE_SFTP_KEY_PASSPHRASE");
  }

  void TearDown() override {
    for (const char* name :
         {"RELANCE_SFTP_URL", "RELANCE_SFTP_USER", "RELANCE_SFTP_KEY", "RELANCE_SFTP_KNOWN_HOSTS"})
      ::unsetenv(name);
    if (sshd_ > 0) {
      ::kill(-sshd_, SIGTERM);
      int status = 0;
      for (int i = 0; i < 50 && ::waitpid(sshd_, &status, WNOHANG) == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (::waitpid(sshd_, &status, WNOHANG) == 0) {
        ::kill(-sshd_, SIGKILL);
        ::waitpid(sshd_, &status, 0);
      }
      sshd_ = -1;
    }
  }

  void start_sshd(const fs::path& keys) {
    const std::string log = (keys / "sshd.log").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);  // its own group: TearDown stops it and its children
    const std::string config = (keys / "sshd_config").string();
    const std::string port = std::to_string(port_);
    std::vector<std::string> args = {sshd_path, "-D", "-e", "-f", config, "-p", port};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = ::posix_spawn(&sshd_, sshd_path, &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ASSERT_EQ(rc, 0) << "cannot start sshd";
    for (int i = 0; i < 100; ++i) {
      int status = 0;
      if (::waitpid(sshd_, &status, WNOHANG) == sshd_) {
        sshd_ = -1;
        FAIL() << "sshd exited:\n" << read_file(log);
      }
      if (accepts_connections(port_)) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL() << "sshd does not listen on port " << port_ << ":\n" << read_file(log);
  }

  std::string db() const { return (tmp_ / "relance.db").string(); }
  fs::path out() const { return tmp_ / "out"; }
  fs::path upload_root() const { return tmp_ / "server"; }
  fs::path incoming() const { return upload_root() / "agency" / "incoming"; }
  fs::path known_hosts() const { return tmp_ / "ssh" / "known_hosts"; }
  fs::path journal() const { return out() / "dossiers" / "sent.jsonl"; }
  std::string sshd_log() const { return read_file(tmp_ / "ssh" / "sshd.log"); }

  CliRun send() { return dossier_cli({"dossier", "send", "--db", db(), "--out", out().string()}); }

  TempDir tmp_;
  std::string user_;
  int port_ = -1;
  pid_t sshd_ = -1;
  fs::path zip_;
};

TEST_F(SftpDelivery, UploadsTheZipOnceUnderItsFinalName) {
  const auto first = send();
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err << "\n" << sshd_log();
  EXPECT_TRUE(has(first.out, "1 sent, 0 already sent")) << first.out;
  // The folder was created on the way; only the final name is left, equal to the ZIP.
  EXPECT_EQ(files_under(upload_root()), std::set<std::string>{"agency/incoming/2024-05-28-C-HB.zip"});
  EXPECT_EQ(read_file(incoming() / "2024-05-28-C-HB.zip"), read_file(zip_));
  EXPECT_TRUE(has(sshd_log(), "Accepted publickey for " + user_)) << sshd_log();

  const auto entries = detail::read_dossier_journal(journal());
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].sha256, detail::sha256_hex(read_file(zip_)));
  EXPECT_EQ(entries[0].customer_id, "C-HB");
  EXPECT_EQ(entries[0].formal_notice, "2024-05-19");
  EXPECT_EQ(entries[0].remote, "sftp://127.0.0.1:" + std::to_string(port_) + upload_root().string() +
                                   "/agency/incoming/2024-05-28-C-HB.zip");

  // Exactly once: the second run uploads nothing (and does not even connect).
  const auto modified = fs::last_write_time(incoming() / "2024-05-28-C-HB.zip");
  const auto connections = [&] {
    std::size_t n = 0;
    const std::string log = sshd_log();
    for (auto at = log.find("Connection from"); at != std::string::npos;
         at = log.find("Connection from", at + 1))
      ++n;
    return n;
  };
  const std::size_t connections_before = connections();
  const auto second = send();
  EXPECT_EQ(second.exit_code, 0) << second.out << second.err;
  EXPECT_TRUE(has(second.out, "0 sent, 1 already sent")) << second.out;
  EXPECT_EQ(fs::last_write_time(incoming() / "2024-05-28-C-HB.zip"), modified);
  EXPECT_EQ(detail::read_dossier_journal(journal()).size(), 1u);
  EXPECT_EQ(connections(), connections_before);

  // A later export of the same formal notice is not exported, nor sent, again.
  const auto later = dossier_cli({"dossier", "export", "--as-of", "2024-06-10", "--db", db(), "--config",
                                  (tmp_ / "relance.toml").string(), "--out", out().string(), "--letters",
                                  (tmp_ / "letters").string()});
  EXPECT_EQ(later.exit_code, 0) << later.err;
  EXPECT_TRUE(has(later.out, "C-HB: already handed over")) << later.out;
  EXPECT_EQ(files_under(upload_root()).size(), 1u);
}

TEST_F(SftpDelivery, AKeyWithAPassphraseTakesItFromTheEnvironmentAndNeverShowsIt) {
  const fs::path key = tmp_ / "ssh" / "locked_key";
  const std::string passphrase = "correct horse battery staple";
  const auto keygen = run_command({keygen_path, "-q", "-t", "ed25519", "-N", passphrase, "-f", key.string()});
  ASSERT_EQ(keygen.exit_code, 0) << keygen.err;
  write_file(tmp_ / "ssh" / "authorized_keys", read_file(key.string() + ".pub"));
  ::setenv("RELANCE_SFTP_KEY", key.string().c_str(), 1);

  ::setenv("RELANCE_SFTP_KEY_PASSPHRASE", "wrong passphrase", 1);
  const auto wrong = send();
  EXPECT_EQ(wrong.exit_code, 2) << wrong.out << wrong.err;
  EXPECT_TRUE(has(wrong.err, "RL-SFTP-001")) << wrong.err;
  EXPECT_TRUE(has(wrong.err, "could not log in with the key " + key.string())) << wrong.err;
  EXPECT_FALSE(has(wrong.out + wrong.err, "wrong passphrase")) << wrong.err;
  EXPECT_TRUE(files_under(upload_root()).empty());

  ::setenv("RELANCE_SFTP_KEY_PASSPHRASE", passphrase.c_str(), 1);
  const auto right = send();
  ::unsetenv("RELANCE_SFTP_KEY_PASSPHRASE");
  EXPECT_EQ(right.exit_code, 0) << right.out << right.err << sshd_log();
  EXPECT_EQ(read_file(incoming() / "2024-05-28-C-HB.zip"), read_file(zip_));
  EXPECT_FALSE(has(right.out + right.err, passphrase));
  EXPECT_FALSE(has(read_file(journal()), passphrase));
}

TEST_F(SftpDelivery, AWrongHostKeyIsRefusedAndNothingIsWritten) {
  write_file(known_hosts(), "[127.0.0.1]:" + std::to_string(port_) + " " +
                                public_key_line(tmp_ / "ssh" / "other_host_key.pub") + "\n");
  const auto r = send();
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(has(r.err, "RL-SFTP-002")) << r.err;
  EXPECT_TRUE(has(r.err, "is not the one " + known_hosts().string() + " has for it")) << r.err;
  EXPECT_TRUE(has(r.err, "nothing was sent")) << r.err;
  EXPECT_TRUE(has(r.out, "0 sent")) << r.out;
  EXPECT_TRUE(files_under(upload_root()).empty());
  EXPECT_TRUE(detail::read_dossier_journal(journal()).empty());
  EXPECT_FALSE(has(sshd_log(), "Accepted publickey")) << sshd_log();
}

TEST_F(SftpDelivery, AHostMissingFromKnownHostsIsRefused) {
  write_file(known_hosts(), "[127.0.0.1]:1 " + public_key_line(tmp_ / "ssh" / "host_key.pub") + "\n");
  const auto r = send();
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(has(r.err, "RL-SFTP-002")) << r.err;
  EXPECT_TRUE(has(r.err, "is not in " + known_hosts().string())) << r.err;
  EXPECT_TRUE(files_under(upload_root()).empty());
  EXPECT_TRUE(detail::read_dossier_journal(journal()).empty());
}

TEST_F(SftpDelivery, MissingSettingsAreNamed) {
  ::unsetenv("RELANCE_SFTP_KNOWN_HOSTS");
  const auto r = send();
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "RELANCE_SFTP_KNOWN_HOSTS")) << r.err;
  EXPECT_TRUE(files_under(upload_root()).empty());
}

// The agency's server from the configuration: url, private_key and known_hosts in [dispatch.sftp]
// (paths relative to the file), only the user name from the environment.
TEST_F(SftpDelivery, TheServerAndKeyFilesComeFromTheConfiguration) {
  for (const char* name : {"RELANCE_SFTP_URL", "RELANCE_SFTP_KEY", "RELANCE_SFTP_KNOWN_HOSTS"})
    ::unsetenv(name);
  const fs::path config = tmp_ / "agency.toml";
  write_file(config,
             "[dispatch.sftp]\nurl = \"sftp://127.0.0.1:" + std::to_string(port_) + upload_root().string() +
                 "/agency/incoming/\"\nprivate_key = \"ssh/user_key\"\nknown_hosts = \"ssh/known_hosts\"\n");
  const auto r =
      dossier_cli({"dossier", "send", "--db", db(), "--out", out().string(), "--config", config.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err << "\n" << sshd_log();
  EXPECT_TRUE(has(r.out, "1 sent, 0 already sent")) << r.out;
  EXPECT_EQ(read_file(incoming() / "2024-05-28-C-HB.zip"), read_file(zip_));

  // Without them anywhere, each missing setting is named with both places it may come from.
  const auto none = dossier_cli({"dossier", "send", "--db", db(), "--out", out().string()});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_TRUE(has(none.err, "[dispatch.sftp] url or RELANCE_SFTP_URL")) << none.err;
  EXPECT_TRUE(has(none.err, "[dispatch.sftp] known_hosts or RELANCE_SFTP_KNOWN_HOSTS")) << none.err;
}

TEST_F(SftpDelivery, ADossierPaidSinceItsExportIsNotSent) {
  write_file(tmp_ / "payments.csv",
             "date,amount,currency,reference,payer,iban,remittance\n"
             "2024-05-30,1603.80,EUR,VIR-20240530-01,Hôtel des Brotteaux SARL,,FA-2024-0042\n");
  const auto import =
      run_command({RELANCE_EXE, "ledger", "import", (tmp_ / "payments.csv").string(), "--db", db()});
  ASSERT_EQ(import.exit_code, 0) << import.out << import.err;
  const auto r = send();
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "not sent: FA-2024-0042 was settled since the formal notice")) << r.out;
  EXPECT_TRUE(has(r.out, "0 sent, 0 already sent, 1 no longer due")) << r.out;
  EXPECT_TRUE(files_under(upload_root()).empty());
  EXPECT_TRUE(detail::read_dossier_journal(journal()).empty());
}

TEST_F(SftpDelivery, AFileAlreadyOnTheServerIsRecordedNotSentTwiceAndADifferentOneIsNotOverwritten) {
  // A run killed between the rename and the journal's write left the file there.
  fs::create_directories(incoming());
  fs::copy_file(zip_, incoming() / "2024-05-28-C-HB.zip");
  const auto modified = fs::last_write_time(incoming() / "2024-05-28-C-HB.zip");
  const auto r = send();
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err << sshd_log();
  EXPECT_TRUE(has(r.out, "already on the server")) << r.out;
  EXPECT_EQ(fs::last_write_time(incoming() / "2024-05-28-C-HB.zip"), modified);
  EXPECT_EQ(detail::read_dossier_journal(journal()).size(), 1u);
  EXPECT_EQ(files_under(upload_root()), std::set<std::string>{"agency/incoming/2024-05-28-C-HB.zip"});

  // Another file under that name: not overwritten, not recorded.
  fs::remove(journal());
  write_file(incoming() / "2024-05-28-C-HB.zip", "someone else's file");
  const auto other = send();
  EXPECT_EQ(other.exit_code, 2) << other.out << other.err;
  EXPECT_TRUE(has(other.err, "a different file of that name is on the server")) << other.err;
  EXPECT_EQ(read_file(incoming() / "2024-05-28-C-HB.zip"), "someone else's file");
  EXPECT_TRUE(detail::read_dossier_journal(journal()).empty());
}

}  // namespace
