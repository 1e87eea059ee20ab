//! `sendgrid-admin user ...`: who the key (or the --on-behalf-of scope) is.

use clap::Subcommand;
use sendgrid_admin::{Client, Error};

use crate::output::{print, Format};

#[derive(Subcommand)]
pub enum Cmd {
    /// Plan ("free" or "paid") and sender reputation.
    Account,
    /// Username and numeric user id.
    Username,
}

pub async fn run(c: &Client, cmd: Cmd, f: Format) -> Result<(), Error> {
    match cmd {
        Cmd::Account => print(&c.user().account().await?, f),
        Cmd::Username => print(&c.user().username().await?, f),
    }
    Ok(())
}
