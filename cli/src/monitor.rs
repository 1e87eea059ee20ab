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
    /// Replace monitor settings (or many subusers': --from monitors.csv, rows
    /// `username,email,frequency`).
    Update {
        /// The subuser's username.
        #[arg(required_unless_present = "file")]
        username: Option<String>,
        /// Where the sample emails go.
        #[arg(long, required_unless_present = "file")]
        email: Option<String>,
        /// Send a sample every this many emails (at least 1).
        #[arg(long, required_unless_present = "file")]
        frequency: Option<u64>,
        #[command(flatten)]
        from: crate::bulk::From,
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
                .create(&username, &Monitor::new(email, frequency))
                .await?,
            f,
        ),
        Cmd::Update {
            username: None,
            from,
            ..
        } => {
            let file = from.file.as_deref().unwrap_or("-");
            let rows = crate::bulk::csv_rows(file, 3, "username,email,frequency")?;
            let mut items = Vec::with_capacity(rows.len());
            for (i, r) in rows.into_iter().enumerate() {
                let frequency = r[2].parse::<u64>().map_err(|_| {
                    Error::invalid(
                        format!("{file}: row {}: frequency", i + 1),
                        format!("{:?} is not a whole number", r[2]),
                    )
                })?;
                items.push((r[0].clone(), Monitor::new(r[1].clone(), frequency)));
            }
            let (bar, o) = crate::bulk::progress(items.len(), from.concurrency, "subusers");
            let out = c.bulk().update_monitors(items, &o).await;
            crate::bulk::report(bar, out, |(u, _)| u.clone(), f)?
        }
        Cmd::Update {
            username,
            email,
            frequency,
            ..
        } => print(
            &c.monitor()
                .update(
                    &username.unwrap_or_default(),
                    &Monitor::new(email.unwrap_or_default(), frequency.unwrap_or_default()),
                )
                .await?,
            f,
        ),
        Cmd::Delete { username } => print(&c.monitor().delete(&username).await.map(|_| done())?, f),
    }
    Ok(())
}
