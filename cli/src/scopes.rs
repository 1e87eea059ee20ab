//! `sendgrid-admin scopes ...`

use clap::Subcommand;
use sendgrid_admin::scopes::ListAccessRequests;
use sendgrid_admin::{Client, Error};

use crate::done;
use crate::output::{print, print_stream, Format};

#[derive(Subcommand)]
pub enum Cmd {
    /// The scopes of the key (or of the --on-behalf-of account).
    List,
    /// Teammates' access requests: list, approve, deny.
    #[command(subcommand)]
    Requests(RequestsCmd),
}

#[derive(Subcommand)]
pub enum RequestsCmd {
    /// List pending access requests.
    List {
        /// Page size.
        #[arg(long)]
        limit: Option<u32>,
        /// How many to skip.
        #[arg(long)]
        offset: Option<u32>,
        /// Follow every page and print every item.
        #[arg(long)]
        all: bool,
    },
    /// Approve a request.
    Approve {
        /// The access request's id.
        id: u64,
    },
    /// Deny a request.
    Deny {
        /// The access request's id.
        id: u64,
    },
}

pub async fn run(c: &Client, cmd: Cmd, f: Format) -> Result<(), Error> {
    let s = c.scopes();
    match cmd {
        Cmd::List => print(&s.list().await?, f),
        Cmd::Requests(RequestsCmd::List { limit, offset, all }) => {
            if all {
                print_stream(s.list_all_access_requests(limit), f).await?;
            } else {
                print(
                    &s.list_access_requests(&ListAccessRequests { limit, offset })
                        .await?,
                    f,
                );
            }
        }
        Cmd::Requests(RequestsCmd::Approve { id }) => {
            print(&s.approve_access_request(id).await?, f)
        }
        Cmd::Requests(RequestsCmd::Deny { id }) => {
            print(&s.deny_access_request(id).await.map(|_| done())?, f)
        }
    }
    Ok(())
}
