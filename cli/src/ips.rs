//! `sendgrid-admin ips ...`: the account's IPs and which subusers send from them.

use clap::Subcommand;
use sendgrid_admin::bulk::BulkItem;
use sendgrid_admin::ips::{ListIpSubusers, ListIps};
use sendgrid_admin::stats::SortDirection;
use sendgrid_admin::{Client, Error};
use serde_json::json;

use crate::output::{print, print_stream, Format};

#[derive(Subcommand)]
pub enum Cmd {
    /// List the account's IPs and their subusers (`--subuser` for one subuser's IPs).
    List {
        /// Only this subuser (username).
        #[arg(long)]
        subuser: Option<String>,
        /// IPv4 address.
        #[arg(long)]
        ip: Option<String>,
        /// Leave out IPs with a reverse DNS record.
        #[arg(long)]
        exclude_whitelabels: bool,
        /// Page size (1-500).
        #[arg(long)]
        limit: Option<u32>,
        /// How many to skip.
        #[arg(long)]
        offset: Option<u32>,
        /// asc or desc.
        #[arg(long)]
        direction: Option<String>,
    },
    /// Ids of the subusers an IP is assigned to (one page, or every page with --all).
    SubusersOf {
        /// IPv4 address.
        ip: String,
        /// The cursor from the previous page's next_after.
        #[arg(long)]
        after: Option<String>,
        /// Page size (1-100).
        #[arg(long)]
        limit: Option<u32>,
        /// Follow every page and print every item.
        #[arg(long)]
        all: bool,
    },
    /// Let subusers send from an IP (1000 per request; prints one result per chunk).
    Assign {
        /// IPv4 address.
        ip: String,
        /// Subuser usernames.
        usernames: Vec<String>,
    },
    /// Stop subusers sending from an IP (1000 per request; one result per chunk).
    Unassign {
        /// IPv4 address.
        ip: String,
        /// Subuser usernames.
        usernames: Vec<String>,
    },
}

/// Prints one line per chunk and fails with the first chunk's error, if any.
fn chunks(out: Vec<BulkItem<Vec<String>, ()>>, f: Format) -> Result<(), Error> {
    let rows: Vec<_> = out
        .iter()
        .map(|b| match &b.result {
            Ok(()) => json!({"usernames": b.item, "ok": true}),
            Err(e) => json!({"usernames": b.item, "ok": false, "error": e.info()}),
        })
        .collect();
    print(&rows, f);
    match out.into_iter().find_map(|b| b.result.err()) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

pub async fn run(c: &Client, cmd: Cmd, f: Format) -> Result<(), Error> {
    let ips = c.ips();
    match cmd {
        Cmd::List {
            subuser,
            ip,
            exclude_whitelabels,
            limit,
            offset,
            direction,
        } => {
            let p = ListIps {
                subuser,
                ip,
                exclude_whitelabels: exclude_whitelabels.then_some(true),
                limit,
                offset,
                sort_by_direction: direction.map(|d| d.parse::<SortDirection>()).transpose()?,
            };
            print(&ips.list(&p).await?, f);
        }
        Cmd::SubusersOf {
            ip,
            after,
            limit,
            all,
        } => {
            let p = ListIpSubusers { after, limit };
            if all {
                print_stream(ips.list_all_subusers_of(&ip, p), f).await?;
            } else {
                print(&ips.subusers_of(&ip, &p).await?, f);
            }
        }
        Cmd::Assign { ip, usernames } => chunks(ips.assign(&ip, &usernames).await?, f)?,
        Cmd::Unassign { ip, usernames } => chunks(ips.unassign(&ip, &usernames).await?, f)?,
    }
    Ok(())
}
