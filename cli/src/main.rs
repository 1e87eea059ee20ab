//! `sendgrid-admin`: every SendGrid subuser, monitor, IP, reputation, credits, statistics,
//! teammate and scopes operation from the command line; `sandbox` runs an offline SendGrid;
//! `tour` walks through the main jobs against it.

mod accounts;
mod api_keys;
mod bulk;
mod declarative;
mod ips;
mod monitor;
mod output;
mod request;
mod scopes;
mod subusers;
mod teammates;
mod tour;
mod user;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use sendgrid_admin::{Client, ClientConfig, Error};
#[cfg(feature = "sandbox")]
use sendgrid_admin_sandbox::{Sandbox, SandboxConfig};

use output::Format;

#[derive(Parser)]
#[command(
    name = "sendgrid-admin",
    version,
    about = "Administer SendGrid subusers, teammates and scopes"
)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

/// Flags every API command accepts (shown under their own heading in every `--help`).
#[derive(clap::Args, Clone)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// API key (default: $SENDGRID_API_KEY).
    #[arg(long, global = true, env = "SENDGRID_API_KEY", hide_env_values = true)]
    api_key: Option<String>,
    /// Region whose API host is used: global or eu.
    #[arg(long, global = true, default_value = "global")]
    region: String,
    /// Base URL instead of the region's host (the sandbox, a proxy) [default: $SENDGRID_ADMIN_BASE_URL].
    #[arg(long, global = true)]
    base_url: Option<String>,
    /// Act as this subuser (`on-behalf-of: <username>`).
    #[arg(long, global = true, conflicts_with = "account_id")]
    on_behalf_of: Option<String>,
    /// Act as this customer account (`on-behalf-of: account-id <id>`).
    #[arg(long, global = true)]
    account_id: Option<String>,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value = "json")]
    output: Format,
    /// Total timeout of one attempt, in seconds [default: 30].
    #[arg(long, global = true)]
    timeout: Option<f64>,
    /// Retries after the first attempt (429, 5xx, timeouts) [default: 4].
    #[arg(long, global = true)]
    max_retries: Option<u32>,
    /// Share pacing with other processes using the same key through Redis
    /// (e.g. redis://127.0.0.1:6379/0).
    #[arg(long, global = true, env = "SENDGRID_ADMIN_RATE_LIMIT_STORE")]
    rate_limit_store: Option<String>,
    /// Allow a plain http:// base URL to another machine (the API key would travel in clear
    /// text; loopback is always allowed).
    #[arg(long, global = true)]
    allow_insecure_http: bool,
    /// Send every request through this proxy (e.g. http://proxy.internal:3128); without it
    /// HTTPS_PROXY, ALL_PROXY and NO_PROXY apply.
    #[arg(
        long,
        global = true,
        env = "SENDGRID_ADMIN_PROXY",
        hide_env_values = true
    )]
    proxy: Option<String>,
    /// A PEM file of certificate authorities to trust besides the system's.
    #[arg(long, global = true, env = "SENDGRID_ADMIN_CA_BUNDLE")]
    ca_bundle: Option<String>,
}

impl Global {
    /// Builds the client these flags describe.
    pub fn client(&self) -> Result<Client, Error> {
        ClientConfig {
            api_key: self.api_key.clone(),
            region: Some(self.region.clone()),
            base_url: self.base_url.clone(),
            on_behalf_of: self.on_behalf_of.clone(),
            account_id: self.account_id.clone(),
            timeout: self
                .timeout
                .map(|t| sendgrid_admin::config::seconds("timeout", t))
                .transpose()?,
            connect_timeout: None,
            max_retries: self.max_retries,
            rate_limit_store: self.rate_limit_store.clone(),
            user_agent_suffix: Some("cli".into()),
            app_name: None,
            allow_insecure_http: Some(self.allow_insecure_http),
            proxy: self.proxy.clone(),
            ca_bundle: self.ca_bundle.clone(),
        }
        .build()
    }
}

#[derive(Subcommand)]
enum Command {
    /// Subusers: list, create, enable, disable, delete, IPs, reputations, credits, website
    /// access, statistics.
    #[command(subcommand)]
    Subusers(subusers::Cmd),
    /// Subuser monitor settings.
    #[command(subcommand)]
    Monitor(monitor::Cmd),
    /// The account's IPs and the subusers that send from them.
    #[command(subcommand)]
    Ips(ips::Cmd),
    /// Customer accounts (partners / resellers): provisioning, offerings, state, SSO, IPs.
    #[command(subcommand)]
    Accounts(accounts::Cmd),
    /// Teammates, invitations and subuser access.
    #[command(subcommand)]
    Teammates(teammates::Cmd),
    /// Scopes and access requests.
    #[command(subcommand)]
    Scopes(scopes::Cmd),
    /// API keys of the account acted as (--on-behalf-of / --account-id for a subuser's or
    /// customer account's own keys).
    #[command(subcommand)]
    ApiKeys(api_keys::Cmd),
    /// Who the key (or the --on-behalf-of / --account-id scope) is.
    #[command(subcommand)]
    User(user::Cmd),
    /// Print the account's subusers and teammates as a document (YAML; JSON with --output
    /// json): `sendgrid-admin export > account.yaml`. Passwords are never exported.
    Export,
    /// Show the changes that would make the account match a document (+ create, ~ update,
    /// - delete); nothing is changed.
    Plan(declarative::PlanCmd),
    /// Make the account match a document: plan, ask before deleting, apply with a progress
    /// bar; exit code of the first failed change.
    Apply(declarative::ApplyArgs),
    /// Print the document's JSON Schema.
    Schema,
    /// Any SendGrid endpoint (e.g. `request GET /v3/user/account`), with the same key,
    /// on-behalf-of, retries and errors.
    Request(request::Args),
    /// Run an offline, stateful SendGrid on 127.0.0.1 until interrupted.
    #[cfg(feature = "sandbox")]
    // Its own help flag: `sandbox --help` shows what a server takes (and --api-key), not the
    // client options every other command has.
    #[command(disable_help_flag = true)]
    Sandbox {
        #[command(flatten)]
        config: SandboxConfig,
        /// Print help.
        #[arg(short = 'h', long = "help")]
        help: bool,
    },
    /// Walk through the main jobs against an in-process sandbox (or --base-url).
    Tour,
    /// Print a shell completion script (e.g. `sendgrid-admin completions bash >
    /// /etc/bash_completion.d/sendgrid-admin`).
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print a manual page (roff; e.g. `sendgrid-admin man | man -l -`, `sendgrid-admin man
    /// teammates subuser-access | man -l -`), or write every page with --out-dir.
    Man {
        /// A subcommand's page, e.g. `subusers` or `teammates subuser-access` (default: the
        /// top level).
        names: Vec<String>,
        /// Write every page (sendgrid-admin.1, sendgrid-admin-subusers.1, …) into this
        /// directory instead.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<std::path::PathBuf>,
    },
}

#[cfg_attr(not(feature = "sandbox"), allow(unused_variables))]
async fn run(cli: Cli, key_from_flag: bool, output_given: bool) -> Result<(), Error> {
    let g = &cli.global;
    // `export`, `plan` and `apply` print for people unless a machine format is asked for.
    let machine = Some(g.output).filter(|f| output_given && *f != Format::Table);
    match cli.command {
        #[cfg(feature = "sandbox")]
        Command::Sandbox { help: true, .. } => print_bytes(sandbox_help().as_bytes()),
        #[cfg(feature = "sandbox")]
        Command::Sandbox {
            config: mut cfg, ..
        } => {
            // The sandbox accepts --api-key (or $SENDGRID_API_KEY); a key from the environment
            // may be a real one, so it is never printed.
            cfg.api_keys.extend(g.api_key.clone());
            let shown_key = match (&g.api_key, key_from_flag) {
                (None, _) => sendgrid_admin_sandbox::DEFAULT_API_KEY.to_string(),
                (Some(k), true) => k.clone(),
                (Some(_), false) => "$SENDGRID_API_KEY".to_string(),
            };
            let sb = Sandbox::start_with(cfg)
                .await
                .map_err(|e| Error::Transport {
                    method: String::new(),
                    path: String::new(),
                    reason: format!("could not start the sandbox: {e}"),
                    attempts: 0,
                })?;
            println!("sandbox listening on {}", sb.url());
            println!("api key: {shown_key}");
            println!(
                "try: sendgrid-admin --base-url {} --api-key {shown_key} subusers list",
                sb.url()
            );
            tokio::select! {
                _ = sb.wait() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            Ok(())
        }
        Command::Tour => tour::run(g).await,
        Command::Completions { shell } => print_bytes(&completions(shell)),
        Command::Man { names, out_dir } => man(&names, out_dir.as_deref()),
        Command::Subusers(c) => subusers::run(&g.client()?, c, g.output).await,
        Command::Monitor(c) => monitor::run(&g.client()?, c, g.output).await,
        Command::Accounts(c) => accounts::run(&g.client()?, c, g.output).await,
        Command::Ips(c) => ips::run(&g.client()?, c, g.output).await,
        Command::Teammates(c) => teammates::run(&g.client()?, c, g.output).await,
        Command::Scopes(c) => scopes::run(&g.client()?, c, g.output).await,
        Command::User(c) => user::run(&g.client()?, c, g.output).await,
        Command::ApiKeys(c) => api_keys::run(&g.client()?, c, g.output).await,
        Command::Export => declarative::export(&g.client()?, machine == Some(Format::Json)).await,
        Command::Plan(a) => declarative::plan(&g.client()?, &a, machine).await,
        Command::Apply(a) => declarative::apply(&g.client()?, &a, machine).await,
        Command::Schema => declarative::schema_json(),
        Command::Request(a) => request::run(&g.client()?, a, g.output).await,
    }
}

/// The completion script for `shell`. clap_complete 4.6's bash script names the functions of
/// subcommands `sendgrid__admin__subcmd__…` but dispatches on `sendgrid__subcmd__admin__subcmd__…`
/// (it escapes the binary's hyphen twice), so nothing below the top level completed; the
/// dispatch is spelled back here. `cli/tests/cli.rs` drives bash's completion at every level.
fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "sendgrid-admin", &mut buf);
    if shell != clap_complete::Shell::Bash {
        return buf;
    }
    String::from_utf8_lossy(&buf)
        .replace(
            "sendgrid__subcmd__admin__subcmd__",
            "sendgrid__admin__subcmd__",
        )
        .into_bytes()
}

/// `sandbox --help`: the server's options and the key it accepts, nothing a client needs.
#[cfg(feature = "sandbox")]
fn sandbox_help() -> String {
    use clap::Args;
    let cmd = clap::Command::new("sendgrid-admin sandbox").arg(
        clap::Arg::new("api_key")
            .long("api-key")
            .value_name("KEY")
            .help("The API key it accepts (default: SG.sandbox-key, or $SENDGRID_API_KEY)"),
    );
    SandboxConfig::augment_args(cmd)
        .about("Run an offline, stateful SendGrid on 127.0.0.1 until interrupted")
        .render_long_help()
        .to_string()
}

/// `man`: one page on stdout (the top level, or the subcommand `names` lead to), or every page
/// into `out_dir`.
fn man(names: &[String], out_dir: Option<&std::path::Path>) -> Result<(), Error> {
    let failed =
        |e: std::io::Error| Error::invalid("man", format!("could not write the manual: {e}"));
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    if let Some(dir) = out_dir {
        std::fs::create_dir_all(dir).map_err(failed)?;
        return clap_mangen::generate_to(cmd, dir).map_err(failed);
    }
    let mut page = &cmd;
    for (i, name) in names.iter().enumerate() {
        page = page.find_subcommand(name).ok_or_else(|| {
            Error::invalid(
                format!("names[{i}]"),
                format!(
                    "{name:?} is not a subcommand of {}",
                    page.get_display_name().unwrap_or("sendgrid-admin")
                ),
            )
        })?;
    }
    let mut buf = Vec::new();
    clap_mangen::Man::new(page.clone())
        .render(&mut buf)
        .map_err(failed)?;
    print_bytes(&buf)
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn print_bytes(bytes: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::invalid("stdout", format!("could not write: {e}")))
        }
        _ => Ok(()),
    }
}

/// A closed pipe (`sendgrid-admin … | head -1`) ends the process quietly with the shell's
/// conventional status (killed by SIGPIPE, 141), as other Unix tools do, instead of a panic
/// in `println!` (Rust ignores SIGPIPE by default).
fn quiet_broken_pipes() {
    #[cfg(unix)]
    // SAFETY: restoring a signal's default disposition before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    quiet_broken_pipes();
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt.block_on(main_async()),
        Err(e) => {
            eprintln!("error: could not start the runtime: {e}");
            ExitCode::from(1)
        }
    }
}

async fn main_async() -> ExitCode {
    let matches = Cli::command().get_matches();
    let key_from_flag =
        matches.value_source("api_key") == Some(clap::parser::ValueSource::CommandLine);
    // `export`, `plan` and `apply` print for people unless --output is given.
    let output_given = matches
        .subcommand()
        .and_then(|(_, m)| m.value_source("output"))
        .or_else(|| matches.value_source("output"))
        == Some(clap::parser::ValueSource::CommandLine);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    match run(cli, key_from_flag, output_given).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            output::print_error(&e);
            ExitCode::from(output::exit_code(e.kind()))
        }
    }
}

/// The JSON printed for operations SendGrid answers with 204.
pub fn done() -> serde_json::Value {
    serde_json::json!({"ok": true})
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// Every argument of every command says what it is in `--help`.
    #[test]
    fn every_argument_is_documented() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for a in cmd.get_arguments() {
                let builtin = matches!(a.get_id().as_str(), "help" | "version");
                if !builtin && a.get_help().is_none() && a.get_long_help().is_none() {
                    missing.push(format!("{path} {}", a.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&super::Cli::command(), "sendgrid-admin", &mut missing);
        assert!(
            missing.is_empty(),
            "{} undocumented:\n{}",
            missing.len(),
            missing.join("\n")
        );
    }

    /// Every operation of tests/operations.json (the manifest every language's scenario runner
    /// calls from) names the CLI command that runs it, and that command exists; one the CLI
    /// leaves out says why (`{"none": "..."}`). A forgotten command fails here.
    #[test]
    fn every_operation_has_its_command() {
        let doc: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/operations.json")).unwrap();
        let ops = doc["operations"].as_object().unwrap();
        let root = super::Cli::command();
        let mut missing = Vec::new();
        for (op, how) in ops {
            match &how["cli"] {
                serde_json::Value::String(path) => {
                    let mut cmd = &root;
                    for word in path.split(' ') {
                        match cmd.find_subcommand(word) {
                            Some(sub) => cmd = sub,
                            None => {
                                missing.push(format!("{op}: no command `sendgrid-admin {path}`"));
                                break;
                            }
                        }
                    }
                }
                serde_json::Value::Object(o) if o.get("none").is_some_and(|w| w.is_string()) => {}
                _ => missing.push(format!(
                    "{op}: no \"cli\" (a command, or {{\"none\": why}})"
                )),
            }
        }
        assert!(ops.len() >= 60);
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}
