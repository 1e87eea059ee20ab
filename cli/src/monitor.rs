//! `sendgrid-admin monitor ...`

use clap::Subcommand;
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::{Client, Error};

use crate::done;
use crate::output::{print, Format};

#[derive(Subcommand)]
pub enum Cmd {
    /// Show a subuser's monitor settings.
    Get {
        /// The subuser's username.
        username: String,
    },
    /// Create monitor settings.
    Create {
        /// The subuser's username.
        username: String,
        /// Where sample emails go.
        #[arg(long)]
        email: String,
        /// Send a sample every N emails (at least 1).
        #[arg(long)]
        frequency: u64,
    },
    /// Replace monitor settings.
    Update {
        /// The subuser's username.
        username: String,
        /// Where the sample emails go.
        #[arg(long)]
        email: String,
        /// Send a sample every this many emails (at least 1).
        #[arg(long)]
        frequency: u64,
    },
    /// Delete monitor settings.
    Delete {
        /// The subuser's username.
        username: String,
    },
}

pub async fn run(c: &Client, cmd: Cmd, f: Format) -> Result<(), Error> {
    match cmd {
        Cmd::Get { username } => print(&c.monitor().get(&username).await?, f),
        Cmd::Create {
            username,
            email,
            frequency,
        } => print(
            &c.monitor()
                .create(&username, &Monitor { email, frequency })
                .await?,
            f,
        ),
        Cmd::Update {
            username,
            email,
            frequency,
        } => print(
            &c.monitor()
                .update(&username, &Monitor { email, frequency })
                .await?,
            f,
        ),
        Cmd::Delete { username } => print(&c.monitor().delete(&username).await.map(|_| done())?, f),
    }
    Ok(())
}
