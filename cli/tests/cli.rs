//! The `sendgrid-admin` binary against an in-process sandbox: every subcommand, JSON output,
//! and the exit code of each error kind.

use assert_cmd::Command;
use sendgrid_admin_sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;

struct Cli {
    sandbox: Sandbox,
}

impl Cli {
    async fn new(subusers: usize, teammates: usize) -> Cli {
        let sandbox = Sandbox::start_with(SandboxConfig {
            port: 0,
            seed_subusers: subusers,
            seed_teammates: teammates,
            ..Default::default()
        })
        .await
        .unwrap();
        Cli { sandbox }
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("sendgrid-admin").unwrap();
        c.env_remove("SENDGRID_API_KEY")
            .args([
                "--base-url",
                &self.sandbox.url(),
                "--api-key",
                self.sandbox.api_key(),
                "--max-retries",
                "0",
            ])
            .args(args);
        c
    }

    /// Runs, expects success, returns the parsed JSON on stdout.
    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stdout)))
    }

    /// Runs with `stdin`, expects failure with `code`, returns stderr.
    fn fails_stdin(&self, args: &[&str], stdin: &str, code: i32) -> String {
        let out = self.cmd(args).write_stdin(stdin).output().unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    /// Runs, expects failure with `code`, returns stderr.
    fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty());
        String::from_utf8_lossy(&out.stderr).into_owned()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn subusers_commands() {
    let cli = Cli::new(3, 0).await;
    let created = cli.json(&[
        "subusers",
        "create",
        "--username",
        "acme",
        "--email",
        "ops@acme.io",
        "--password",
        "pw-1",
        "--ip",
        "192.0.2.1",
    ]);
    assert_eq!(created["username"], "acme");
    assert_eq!(cli.json(&["subusers", "list"]).as_array().unwrap().len(), 4);
    assert_eq!(
        cli.json(&["subusers", "list", "--all", "--limit", "2"])
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(cli.json(&["subusers", "disable", "acme"])["ok"], true);
    assert_eq!(
        cli.json(&["subusers", "list", "--username", "acme"])[0]["disabled"],
        true
    );
    cli.json(&["subusers", "enable", "acme"]);
    assert_eq!(
        cli.json(&[
            "subusers",
            "set-ips",
            "acme",
            "198.51.100.1",
            "198.51.100.2"
        ])["ips"][1],
        "198.51.100.2"
    );
    assert_eq!(
        cli.json(&["subusers", "reputations", "acme", "sub00001"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        cli.json(&["subusers", "credits", "get", "acme"])["type"],
        "unlimited"
    );
    let set = cli.json(&[
        "subusers",
        "credits",
        "set",
        "acme",
        "--type",
        "recurring",
        "--reset-frequency",
        "daily",
        "--total",
        "10",
    ]);
    assert_eq!(set["remain"], 10);
    assert_eq!(
        cli.json(&["subusers", "credits", "adjust", "acme", "--by", "-3"])["remain"],
        7
    );
    cli.json(&["subusers", "website-access", "disable", "acme"]);
    cli.json(&["subusers", "website-access", "enable", "acme"]);
    assert_eq!(
        cli.json(&[
            "subusers",
            "stats",
            "monthly",
            "--date",
            "2026-10-01",
            "--limit",
            "2"
        ])["stats"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        cli.json(&[
            "subusers",
            "stats",
            "subuser-monthly",
            "acme",
            "--date",
            "2026-10-01"
        ])["stats"][0]["name"],
        "acme"
    );
    let days = cli.json(&[
        "subusers",
        "stats",
        "list",
        "--subuser",
        "acme",
        "--start-date",
        "2026-10-01",
        "--end-date",
        "2026-10-03",
    ]);
    assert_eq!(days.as_array().unwrap().len(), 3);
    assert_eq!(
        cli.json(&[
            "subusers",
            "stats",
            "sums",
            "--start-date",
            "2026-10-01",
            "--limit",
            "4"
        ])["stats"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    cli.json(&["subusers", "delete", "acme"]);
    cli.fails(&["subusers", "delete", "acme"], 6);
}

#[tokio::test(flavor = "multi_thread")]
async fn accounts_commands() {
    let cli = Cli::new(0, 0).await;
    let id = cli.json(&[
        "accounts",
        "create",
        "--package",
        "org.ei.free.v1",
        "--addon",
        "org.ei.ip.v1=1",
        "--email",
        "ops@acme.example",
    ])["account_id"]
        .as_str()
        .unwrap()
        .to_string();
    let me = cli.json(&["--account-id", &id, "user", "username"]);
    assert!(me["username"].as_str().unwrap().starts_with("owner-"));
    assert_eq!(cli.json(&["user", "account"])["type"], "paid");
    let key = cli.json(&[
        "--account-id",
        &id,
        "api-keys",
        "create",
        "mail",
        "--scope",
        "mail.send",
    ]);
    assert!(key["api_key"].as_str().unwrap().starts_with("SG."));
    let kid = key["api_key_id"].as_str().unwrap().to_string();
    assert_eq!(
        cli.json(&["--account-id", &id, "api-keys", "list"])[0]["api_key_id"],
        kid.as_str()
    );
    cli.json(&[
        "--account-id",
        &id,
        "api-keys",
        "update",
        &kid,
        "mail2",
        "--scope",
        "mail.send",
    ]);
    cli.json(&["--account-id", &id, "api-keys", "delete", &kid]);
    let listed = cli.json(&["accounts", "list", "--all"]);
    assert_eq!(listed[0]["id"], id.as_str());
    assert_eq!(
        cli.json(&["accounts", "offerings", &id])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        cli.json(&["accounts", "catalog"]).as_array().unwrap().len(),
        3
    );
    let added = cli.json(&["accounts", "add-ips", &id, "--count", "2", "--region", "eu"]);
    let ip = added["ips"][0].as_str().unwrap().to_string();
    cli.json(&["accounts", "remove-ips", &id, &ip]);
    assert_eq!(
        cli.json(&["accounts", "ips", &id, "--all"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    cli.json(&["accounts", "set-state", &id, "deactivated"]);
    assert_eq!(cli.json(&["accounts", "state", &id]), "deactivated");
    assert!(cli
        .json(&["accounts", "sso-login", &id])
        .as_str()
        .unwrap()
        .starts_with("https://"));
    let e = cli.fails(&["accounts", "delete", &id], 3);
    assert!(e.contains("--yes"), "{e}");
    cli.json(&["accounts", "delete", &id, "--yes"]);
    cli.fails(&["accounts", "state", &id], 6);
    cli.fails(
        &["accounts", "create", "--package", "p", "--addon", "x=two"],
        3,
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn monitor_commands() {
    let cli = Cli::new(1, 0).await;
    cli.fails(&["monitor", "get", "sub00001"], 6);
    assert_eq!(
        cli.json(&[
            "monitor",
            "create",
            "sub00001",
            "--email",
            "a@b.co",
            "--frequency",
            "50"
        ])["frequency"],
        50
    );
    let err = cli.fails(
        &[
            "monitor",
            "create",
            "sub00001",
            "--email",
            "a@b.co",
            "--frequency",
            "50",
        ],
        7,
    );
    assert!(err.contains("User already has a monitor"), "{err}");
    assert_eq!(
        cli.json(&[
            "monitor",
            "update",
            "sub00001",
            "--email",
            "a@b.co",
            "--frequency",
            "7"
        ])["frequency"],
        7
    );
    assert_eq!(cli.json(&["monitor", "get", "sub00001"])["frequency"], 7);
    cli.json(&["monitor", "delete", "sub00001"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn teammates_commands() {
    let cli = Cli::new(4, 5).await;
    assert_eq!(
        cli.json(&["teammates", "list"]).as_array().unwrap().len(),
        6
    );
    assert_eq!(
        cli.json(&["teammates", "list", "--all", "--limit", "2"])
            .as_array()
            .unwrap()
            .len(),
        6
    );
    assert_eq!(
        cli.json(&["teammates", "get", "teammate0001"])["is_admin"],
        true
    );
    let inv = cli.json(&[
        "teammates",
        "invite",
        "--email",
        "n@x.io",
        "--scope",
        "stats.read",
    ]);
    let token = inv["token"].as_str().unwrap().to_string();
    assert_eq!(
        cli.json(&["teammates", "pending"])[0]["token"],
        token.as_str()
    );
    assert_eq!(
        cli.json(&["teammates", "resend", &token])["email"],
        "n@x.io"
    );
    cli.json(&["teammates", "delete-pending", &token]);
    assert_eq!(
        cli.json(&["teammates", "update", "teammate0002", "--admin"])["is_admin"],
        true
    );
    cli.fails(
        &[
            "teammates",
            "update",
            "teammate0002",
            "--admin",
            "--scope",
            "x.read",
        ],
        3,
    );
    cli.fails(&["teammates", "update", "teammate0002"], 3);
    cli.json(&["teammates", "delete", "teammate0002"]);
    let page = cli.json(&[
        "teammates",
        "subuser-access",
        "teammate0004",
        "--limit",
        "1",
    ]);
    assert_eq!(page["_metadata"]["next_params"]["after_subuser_id"], 1001);
    assert_eq!(
        cli.json(&[
            "teammates",
            "subuser-access",
            "teammate0004",
            "--all",
            "--limit",
            "1"
        ])
        .as_array()
        .unwrap()
        .len(),
        2
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn request_reaches_any_endpoint() {
    let cli = Cli::new(3, 1).await;
    let got = cli.json(&["request", "GET", "/v3/subusers", "--query", "limit=2"]);
    assert_eq!(got.as_array().unwrap().len(), 2);
    let body = r#"{"email": "ops@example.com", "frequency": 7}"#;
    let put = cli.json(&[
        "request",
        "PUT",
        "/v3/subusers/sub00001/monitor",
        "--body",
        body,
    ]);
    assert_eq!(put["frequency"], 7);
    cli.fails(&["request", "GET", "/v3/subusers/sub00002/monitor"], 6);
    let err = cli.fails(&["request", "GET", "https://evil.example/v3/subusers"], 3);
    assert!(err.contains("path"), "{err}");
    cli.fails(&["request", "GET", "/v3/subusers", "--query", "limit"], 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn scopes_commands_and_on_behalf_of() {
    let cli = Cli::new(1, 10).await;
    assert!(cli
        .json(&["scopes", "list"])
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "subusers.create"));
    let obo = cli.json(&["--on-behalf-of", "sub00001", "scopes", "list"]);
    assert!(!obo
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "subusers.create"));
    let reqs = cli.json(&["scopes", "requests", "list"]);
    assert_eq!(reqs.as_array().unwrap().len(), 2);
    assert_eq!(
        cli.json(&["scopes", "requests", "list", "--all", "--limit", "1"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let id = reqs[0]["id"].to_string();
    assert_eq!(
        cli.json(&["scopes", "requests", "approve", &id])["scope_group_name"],
        "Stats"
    );
    let id = reqs[1]["id"].to_string();
    cli.json(&["scopes", "requests", "deny", &id]);
    cli.fails(&["scopes", "requests", "deny", &id], 6);
    cli.fails(&["--on-behalf-of", "ghost", "scopes", "list"], 5);
}

#[tokio::test(flavor = "multi_thread")]
async fn ips_and_sso_teammate_commands() {
    let cli = Cli::new(3, 0).await;
    let ip = "192.0.2.50";
    let out = cli.json(&["ips", "assign", ip, "sub00001", "sub00002"]);
    assert_eq!(out[0]["ok"], true);
    let mine = cli.json(&["ips", "list", "--subuser", "sub00002", "--limit", "50"]);
    assert!(mine.as_array().unwrap().iter().any(|r| r["ip"] == ip));
    let ids = cli.json(&["ips", "subusers-of", ip, "--all", "--limit", "1"]);
    assert_eq!(ids.as_array().unwrap().len(), 2);
    cli.json(&["ips", "unassign", ip, "sub00001"]);
    assert_eq!(
        cli.json(&["ips", "subusers-of", ip])["subuser_ids"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // A chunk that fails prints its result and exits with its kind's code.
    let out = cli.cmd(&["ips", "assign", ip, "ghost"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["error"]["code"], "invalid_input");

    let t = cli.json(&[
        "teammates",
        "create-sso",
        "--email",
        "ada@x.test",
        "--first-name",
        "Ada",
        "--last-name",
        "Lovelace",
        "--subuser-admin",
        "sub00001",
        "--subuser-restricted",
        "sub00002=stats.read",
    ]);
    assert_eq!(t["subuser_access"].as_array().unwrap().len(), 2);
    let t = cli.json(&[
        "teammates",
        "update-sso",
        "ada@x.test",
        "--first-name",
        "Ada",
        "--last-name",
        "King",
        "--persona",
        "observer",
    ]);
    assert_eq!(t["has_restricted_subuser_access"], false);
    cli.fails(
        &[
            "teammates",
            "update-sso",
            "ada@x.test",
            "--first-name",
            "Ada",
            "--last-name",
            "King",
            "--admin",
            "--scope",
            "stats.read",
        ],
        3,
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn exit_codes_per_error_kind() {
    let cli = Cli::new(1, 0).await;
    let e = cli.fails(
        &[
            "monitor",
            "create",
            "sub00001",
            "--email",
            "a@b.co",
            "--frequency",
            "0",
        ],
        3,
    );
    assert!(
        e.contains("invalid monitor.frequency: must be at least 1"),
        "{e}"
    );
    cli.fails(&["subusers", "set-ips", "sub00001", "300.1.1.1"], 3);
    let mut bad = Command::cargo_bin("sendgrid-admin").unwrap();
    let out = bad
        .env_remove("SENDGRID_API_KEY")
        .args([
            "--base-url",
            &cli.sandbox.url(),
            "--api-key",
            "SG.wrong-key",
            "scopes",
            "list",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("SG.wrong-key"));
    let mut nokey = Command::cargo_bin("sendgrid-admin").unwrap();
    let out = nokey
        .env_remove("SENDGRID_API_KEY")
        .args(["scopes", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "a missing key is invalid input");
    cli.fails(
        &[
            "subusers",
            "create",
            "--username",
            "sub00001",
            "--email",
            "a@b.co",
            "--password",
            "p",
        ],
        7,
    );
    let mut dead = Command::cargo_bin("sendgrid-admin").unwrap();
    let out = dead
        .args([
            "--base-url",
            "http://127.0.0.1:9",
            "--api-key",
            "k",
            "--max-retries",
            "0",
            "scopes",
            "list",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(11));
    // Plain http to another machine is refused before sending (exit 3: invalid input).
    let clear = Command::cargo_bin("sendgrid-admin")
        .unwrap()
        .args([
            "--base-url",
            "http://10.0.0.5:8080",
            "--api-key",
            "k",
            "scopes",
            "list",
        ])
        .output()
        .unwrap();
    assert_eq!(clear.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&clear.stderr).contains("clear text"));
    let mut usage = Command::cargo_bin("sendgrid-admin").unwrap();
    assert_eq!(
        usage
            .args(["subusers", "frobnicate"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[cfg(feature = "sandbox")]
#[test]
fn tour_exits_zero_and_prints_the_transcript() {
    let out = Command::cargo_bin("sendgrid-admin")
        .unwrap()
        .env_remove("SENDGRID_API_KEY")
        .arg("tour")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for want in [
        "Create two subusers",
        "monitor: audit@acme.example every 1000 emails",
        "refused locally",
        "On behalf of tour-acme",
        "Tour finished",
        "credits: recurring, 50000 of 50000 left",
        "teammate tour-acme (owner)",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    // Under each step, the call it stands for in the CLI, Python and Node.
    for call in [
        "$ sendgrid-admin subusers create --username tour-acme",
        "py: client.subusers.create(\"tour-acme\"",
        "js: await client.subusers.create({ username: 'tour-acme'",
        "$ sendgrid-admin --on-behalf-of tour-acme teammates list",
    ] {
        assert!(text.contains(call), "missing {call:?} in\n{text}");
    }
    // People read this: no Rust `Debug` forms (the Python and Node calls are code, not output).
    let shown: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("py:") && !l.trim_start().starts_with("js:"))
        .collect();
    let shown = shown.join("\n");
    for debug in ["Some(", "None", "[\""] {
        assert!(!shown.contains(debug), "{debug:?} in\n{shown}");
    }
}

/// `sendgrid-admin tour | head -1`: the closed pipe ends the tour quietly (SIGPIPE's
/// conventional status), never with a panic and a backtrace.
#[cfg(all(feature = "sandbox", unix))]
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::BufRead;
    use std::os::unix::process::ExitStatusExt;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("sendgrid-admin"))
        .env_remove("SENDGRID_API_KEY")
        .arg("tour")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("Started a sandbox"), "{first}");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Killed by SIGPIPE, or done before it wrote again (the rest fit the pipe): never 101.
    assert!(
        out.status.signal() == Some(libc_sigpipe()) || out.status.success(),
        "{:?} {stderr}",
        out.status
    );
}

#[cfg(all(feature = "sandbox", unix))]
fn libc_sigpipe() -> i32 {
    13
}

/// The tour against a running account can run again, even after an interrupted run left its
/// subusers and invitation behind.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tour_runs_again_after_an_interrupted_run() {
    let cli = Cli::new(4, 4).await;
    let leftover = cli
        .cmd(&[
            "subusers",
            "create",
            "--username",
            "tour-acme",
            "--email",
            "ops@tour-acme.example",
            "--password",
            "tour-Password-1",
            "--ip",
            "192.0.2.10",
        ])
        .output()
        .unwrap();
    assert!(
        leftover.status.success(),
        "{}",
        String::from_utf8_lossy(&leftover.stderr)
    );
    for run in 0..2 {
        let out = cli.cmd(&["tour"]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "run {run}: {text}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(text.contains("Removed tour-acme"), run == 0, "{text}");
        assert!(text.contains("Tour finished"), "{text}");
    }
}

#[test]
fn table_output_has_a_header() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sb = rt
        .block_on(Sandbox::start_with(SandboxConfig {
            port: 0,
            seed_subusers: 2,
            ..Default::default()
        }))
        .unwrap();
    let out = Command::cargo_bin("sendgrid-admin")
        .unwrap()
        .args([
            "--base-url",
            &sb.url(),
            "--api-key",
            sb.api_key(),
            "--output",
            "table",
            "subusers",
            "list",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("ID    USERNAME"), "{text}");
    assert_eq!(text.lines().count(), 3);
    // A narrow terminal (COLUMNS, as a shell sets it): every line fits, long cells end in `…`.
    let narrow = Command::cargo_bin("sendgrid-admin")
        .unwrap()
        .env("COLUMNS", "40")
        .args(["--base-url", &sb.url(), "--api-key", sb.api_key()])
        .args(["--output", "table", "subusers", "list"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&narrow.stdout);
    assert_eq!(text.lines().count(), 3, "{text}");
    for line in text.lines() {
        assert!(line.chars().count() <= 40, "{line:?} is wider than 40");
    }
    assert!(text.contains('…'), "{text}");
}

#[test]
fn completions_and_man_page_come_from_the_command_tree() {
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("sendgrid-admin")
            .unwrap()
            .env_remove("SENDGRID_API_KEY")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    for shell in ["bash", "zsh", "fish"] {
        let script = run(&["completions", shell]);
        assert!(
            script.contains("subusers-of") && script.contains("create-sso"),
            "{shell}"
        );
    }
    let man = run(&["man"]);
    assert!(man.contains(".TH sendgrid-admin 1") && man.contains("teammates"));
    // A page per subcommand: one by its names, or every one into a directory.
    let page = run(&["man", "teammates", "subuser-access"]);
    assert!(
        page.contains(".TH sendgrid-admin-teammates-subuser-access 1"),
        "{page}"
    );
    assert!(page.contains("after"), "{page}");
    let dir = std::env::temp_dir().join(format!("sga-man-{}", std::process::id()));
    run(&["man", "--out-dir", dir.to_str().unwrap()]);
    for file in [
        "sendgrid-admin.1",
        "sendgrid-admin-subusers.1",
        "sendgrid-admin-subusers-create.1",
        "sendgrid-admin-plan.1",
    ] {
        assert!(dir.join(file).exists(), "{file}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A subcommand's help keeps the global options under their own heading, and the sandbox's
/// shows only what a server takes.
#[test]
fn help_keeps_global_options_apart() {
    let help = |args: &[&str]| {
        let out = Command::cargo_bin("sendgrid-admin")
            .unwrap()
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let list = help(&["subusers", "list", "--help"]);
    let (own, global) = list
        .split_once("Global options:")
        .expect("a Global options heading");
    assert!(
        own.contains("--limit") && !own.contains("--region"),
        "{list}"
    );
    assert!(
        global.contains("--region") && global.contains("--on-behalf-of"),
        "{list}"
    );
    #[cfg(feature = "sandbox")]
    {
        let sandbox = help(&["sandbox", "--help"]);
        assert!(
            sandbox.contains("--seed-subusers") && sandbox.contains("--api-key"),
            "{sandbox}"
        );
        for client_only in ["--on-behalf-of", "--timeout", "--max-retries", "--proxy"] {
            assert!(!sandbox.contains(client_only), "{client_only} in {sandbox}");
        }
    }
}

/// Bash completion works at every level: driven through bash's own completion variables.
#[cfg(unix)]
#[test]
fn bash_completion_completes_every_level() {
    let script = Command::cargo_bin("sendgrid-admin")
        .unwrap()
        .args(["completions", "bash"])
        .output()
        .unwrap()
        .stdout;
    let file = std::env::temp_dir().join(format!("sga-completion-{}.bash", std::process::id()));
    std::fs::write(&file, script).unwrap();
    let complete = |words: &[&str]| {
        // COMP_WORDS as bash fills them for `sendgrid-admin <words…><TAB>`; the last is the
        // word being completed.
        let all: Vec<String> = std::iter::once("sendgrid-admin")
            .chain(words.iter().copied())
            .map(|w| format!("'{w}'"))
            .collect();
        let cword = all.len() - 1;
        let prev = if cword > 0 {
            all[cword - 1].clone()
        } else {
            "''".into()
        };
        let prog = format!(
            "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; _sendgrid__admin sendgrid-admin {} {prev}; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            file.display(),
            all.join(" "),
            all[cword],
        );
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(&prog)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let top = complete(&["sub"]);
    assert!(top.lines().any(|l| l == "subusers"), "{top}");
    let second = complete(&["subusers", ""]);
    assert!(second.lines().any(|l| l == "create"), "{second}");
    assert!(second.lines().any(|l| l == "list"), "{second}");
    let nested = complete(&["teammates", "subuser-access", "--"]);
    assert!(
        nested.lines().any(|l| l == "--after-subuser-id"),
        "{nested}"
    );
    let hyphenated = complete(&["api-keys", ""]);
    assert!(hyphenated.lines().any(|l| l == "create"), "{hyphenated}");
    std::fs::remove_file(&file).ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_plan_apply_from_a_file() {
    let cli = Cli::new(3, 2).await;
    // Export is YAML by default, and is itself a document with nothing to plan.
    let out = cli.cmd(&["export"]).output().unwrap();
    assert!(out.status.success());
    let exported = String::from_utf8(out.stdout).unwrap();
    assert!(
        exported.starts_with("subusers:\n- username: sub00001\n"),
        "{exported}"
    );
    assert!(!exported.contains("password"));
    let dir = std::env::temp_dir().join(format!("sga-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("account.yaml");
    std::fs::write(&file, &exported).unwrap();
    let f = file.to_str().unwrap();
    let plan = cli.json(&["--output", "json", "plan", "-f", f, "--prune"]);
    assert_eq!(plan["changes"], serde_json::json!([]));
    // An edit and a prune: the human diff, a refusal to delete without --yes, then the apply.
    std::fs::write(
        &file,
        "subusers:\n- username: sub00001\n  disabled: true\n- username: sub00002\nteammates: []\n",
    )
    .unwrap();
    let out = cli.cmd(&["plan", "-f", f, "--prune"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("~ subuser sub00001\n    disabled: false -> true\n"),
        "{text}"
    );
    assert!(text.contains("- subuser sub00003\n"), "{text}");
    assert!(
        text.contains("- teammate teammate0001@seed.test\n"),
        "{text}"
    );
    assert!(text.ends_with("Plan: 0 to create, 1 to update, 3 to delete, 0 not managed.\n"));
    let err = cli.fails(&["apply", "-f", f, "--prune"], 3);
    assert!(err.contains("--yes"), "{err}");
    let report = cli.json(&["--output", "json", "apply", "-f", f, "--prune", "--yes"]);
    assert_eq!(report.as_array().unwrap().len(), 4);
    assert!(report.as_array().unwrap().iter().all(|r| r["ok"] == true));
    let again = cli.json(&["--output", "json", "plan", "-f", f, "--prune"]);
    assert_eq!(again["changes"], serde_json::json!([]));
    // A typo names the file, the line and the key; a rule broken names the path.
    std::fs::write(&file, "subusers:\n- username: sub00001\n  disabeld: true\n").unwrap();
    let err = cli.fails(&["plan", "-f", f], 3);
    assert!(err.contains("line 3") && err.contains("disabeld"), "{err}");
    std::fs::write(&file, "subusers:\n- username: sub00001\n  ips: [1.2.3]\n").unwrap();
    let err = cli.fails(&["plan", "-f", f], 3);
    assert!(err.contains("subusers[0].ips[0]"), "{err}");
    // A password that is not there is a plan problem, before any write (never a half apply).
    std::fs::write(
        &file,
        "subusers:\n- username: sub00001\n  disabled: false\n- username: newbie\n  email: n@example.com\n  password_env: SGA_UNSET_PW\n",
    )
    .unwrap();
    let err = cli.fails(&["apply", "-f", f], 3);
    assert!(
        err.contains("subusers[1].password_env") && err.contains("SGA_UNSET_PW"),
        "{err}"
    );
    // Nothing was written: sub00001 is still disabled (the exit-code check below shows it).
    // Drift detection for CI: 0 when nothing would change, 2 when something would.
    std::fs::write(&file, "subusers:\n- username: sub00001\n  disabled: true\n").unwrap();
    let out = cli.cmd(&["plan", "-f", f, "--exit-code"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    std::fs::write(
        &file,
        "subusers:\n- username: sub00001\n  disabled: false\n",
    )
    .unwrap();
    let out = cli.cmd(&["plan", "-f", f, "--exit-code"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 to update"));
    let schema = cli.json(&["schema"]);
    assert_eq!(schema["title"], "sendgrid-admin account document");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_forms_read_a_file_or_stdin() {
    let cli = Cli::new(4, 0).await;
    let dir = std::env::temp_dir().join(format!("sga-bulk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let names = dir.join("names.txt");
    std::fs::write(&names, "# to disable\nsub00001\n\nsub00002\nghost\n").unwrap();
    // One failure: its kind's exit code, the failure on stderr, every item in the report.
    let out = cli
        .cmd(&["subusers", "disable", "--from", names.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(6),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("failed: ghost: error (not_found)"), "{err}");
    assert!(err.contains("2 succeeded, 1 failed."), "{err}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report.as_array().unwrap().len(), 3);
    let listed = cli.json(&["subusers", "list"]);
    let disabled: Vec<bool> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["disabled"].as_bool().unwrap())
        .collect();
    assert_eq!(disabled, [true, true, false, false]);
    // CSV from standard input.
    let out = cli
        .cmd(&["monitor", "update", "--from", "-"])
        .write_stdin("sub00001,a@example.com,10\nsub00002, b@example.com , 20\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(cli.json(&["monitor", "get", "sub00002"])["frequency"], 20);
    let err = cli.fails_stdin(
        &["monitor", "update", "--from", "-"],
        "sub00001,a@example.com\n",
        3,
    );
    assert!(err.contains("expected username,email,frequency"), "{err}");
    let ips = dir.join("ips.csv");
    std::fs::write(&ips, "sub00003,192.0.2.10,192.0.2.11\n").unwrap();
    let report = cli.json(&["subusers", "set-ips", "--from", ips.to_str().unwrap()]);
    assert_eq!(
        report[0]["value"],
        serde_json::json!(["192.0.2.10", "192.0.2.11"])
    );
    let report = cli.json(&["subusers", "reputations", "--from", names.to_str().unwrap()]);
    assert_eq!(
        report.as_array().unwrap().len(),
        1,
        "one chunk of up to 100"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The progress bar is drawn on a terminal (a pseudo-terminal made by `script`), never in a pipe.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn progress_bar_on_a_terminal_only() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` (util-linux) for a pseudo-terminal");
        return;
    }
    let cli = Cli::new(300, 0).await;
    let bin = assert_cmd::cargo::cargo_bin("sendgrid-admin");
    let names: String = (1..=300).map(|i| format!("sub{i:05}\n")).collect();
    let dir = std::env::temp_dir().join(format!("sga-pty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("names.txt");
    std::fs::write(&file, names).unwrap();
    let line = format!(
        "{} --base-url {} --api-key {} --output table subusers disable --from {} --concurrency 2",
        bin.display(),
        cli.sandbox.url(),
        cli.sandbox.api_key(),
        file.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .output()
        .unwrap();
    let tty = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{tty}");
    assert!(
        tty.contains("/300 subusers"),
        "no progress bar on the terminal: {tty}"
    );
    assert!(tty.contains("300 succeeded, 0 failed."), "{tty}");
    let piped = cli
        .cmd(&["subusers", "enable", "--from", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&piped.stderr).contains("/300"));
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn yaml_output() {
    let cli = Cli::new(2, 0).await;
    let out = cli
        .cmd(&["--output", "yaml", "subusers", "list", "--all"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("- id: "), "{text}");
    assert!(text.contains("username: sub00002"), "{text}");
    let out = cli
        .cmd(&[
            "--output",
            "yaml",
            "monitor",
            "create",
            "sub00001",
            "--email",
            "a@example.com",
            "--frequency",
            "3",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "email: a@example.com\nfrequency: 3\n"
    );
}
