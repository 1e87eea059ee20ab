//! `sendgrid-admin-sandbox`: the sandbox on its own (`sendgrid-admin sandbox` does the same).

use clap::Parser;
use sendgrid_admin_sandbox::{Sandbox, SandboxConfig};

#[derive(Parser)]
#[command(
    version,
    about = "An offline, stateful SendGrid admin API on 127.0.0.1"
)]
struct Args {
    #[command(flatten)]
    config: SandboxConfig,
    /// API key to accept (repeatable; default SG.sandbox-key).
    #[arg(long = "api-key")]
    api_keys: Vec<String>,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let config = SandboxConfig {
        api_keys: args.api_keys,
        ..args.config
    };
    match Sandbox::start_with(config).await {
        Ok(s) => {
            println!("sandbox listening on {}", s.url());
            println!("api key: {}", s.api_key());
            s.wait().await;
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("could not start the sandbox: {e}");
            std::process::ExitCode::from(1)
        }
    }
}
