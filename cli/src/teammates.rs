//! `sendgrid-admin teammates ...`

use clap::Subcommand;
use sendgrid_admin::teammates::{InviteTeammate, ListTeammates, Permissions, SubuserAccessQuery};
use sendgrid_admin::{Client, Error};

use crate::done;
use crate::output::{print, print_stream, Format};

#[derive(Subcommand)]
pub enum Cmd {
    /// List teammates (one page, or every page with --all).
    List {
        /// Page size (0-500).
        #[arg(long)]
        limit: Option<u32>,
        #[arg(long)]
        offset: Option<u32>,
        #[arg(long)]
        all: bool,
    },
    /// Show one teammate with scopes.
    Get { username: String },
    /// Invite a teammate: --admin, or one --scope or more.
    Invite {
        #[arg(long)]
        email: String,
        #[arg(long = "scope")]
        scopes: Vec<String>,
        #[arg(long)]
        admin: bool,
    },
    /// Replace a teammate's permissions: --admin, or one --scope or more.
    Update {
        username: String,
        #[arg(long = "scope")]
        scopes: Vec<String>,
        #[arg(long)]
        admin: bool,
    },
    /// Delete a teammate.
    Delete { username: String },
    /// List pending invitations.
    Pending,
    /// Delete a pending invitation.
    DeletePending { token: String },
    /// Resend a pending invitation (resets its expiry).
    Resend { token: String },
    /// Subusers a teammate can act for (one page, or every page with --all).
    SubuserAccess {
        teammate: String,
        #[arg(long)]
        limit: Option<u64>,
        #[arg(long)]
        after_subuser_id: Option<u64>,
        #[arg(long)]
        username: Option<String>,
        #[arg(long)]
        all: bool,
    },
}

pub async fn run(c: &Client, cmd: Cmd, f: Format) -> Result<(), Error> {
    let t = c.teammates();
    match cmd {
        Cmd::List { limit, offset, all } => {
            if all {
                print_stream(t.list_all(limit), f).await?;
            } else {
                print(&t.list(&ListTeammates { limit, offset }).await?, f);
            }
        }
        Cmd::Get { username } => print(&t.get(&username).await?, f),
        Cmd::Invite {
            email,
            scopes,
            admin,
        } => print(
            &t.invite(&InviteTeammate {
                email,
                scopes,
                is_admin: admin,
            })
            .await?,
            f,
        ),
        Cmd::Update {
            username,
            scopes,
            admin,
        } => print(
            &t.update_permissions(
                &username,
                &Permissions {
                    scopes,
                    is_admin: admin,
                },
            )
            .await?,
            f,
        ),
        Cmd::Delete { username } => print(&t.delete(&username).await.map(|_| done())?, f),
        Cmd::Pending => print(&t.list_pending().await?, f),
        Cmd::DeletePending { token } => print(&t.delete_pending(&token).await.map(|_| done())?, f),
        Cmd::Resend { token } => print(&t.resend_invite(&token).await?, f),
        Cmd::SubuserAccess {
            teammate,
            limit,
            after_subuser_id,
            username,
            all,
        } => {
            let q = SubuserAccessQuery {
                after_subuser_id,
                limit,
                username,
            };
            if all {
                print_stream(t.subuser_access_all(&teammate, q), f).await?;
            } else {
                print(&t.subuser_access(&teammate, &q).await?, f);
            }
        }
    }
    Ok(())
}
