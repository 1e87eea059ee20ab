//! `sendgrid-admin subusers ...`

use clap::Subcommand;
use sendgrid_admin::credits::{CreditType, ResetFrequency, SetCredits};
use sendgrid_admin::stats::{
    AggregatedBy, Metric, MonthlyStatsQuery, SortDirection, StatsQuery, StatsSumsQuery,
};
use sendgrid_admin::subusers::{CreateSubuser, ListSubusers, RegionFilter};
use sendgrid_admin::{Client, Error, Region};

use crate::bulk;
use crate::done;
use crate::output::{print, print_stream, Format};

#[derive(Subcommand)]
pub enum Cmd {
    /// List subusers (one page, or every page with --all).
    List {
        /// Only this username.
        #[arg(long)]
        username: Option<String>,
        /// Page size (1-500).
        #[arg(long)]
        limit: Option<u32>,
        /// Subusers to skip.
        #[arg(long)]
        offset: Option<u32>,
        /// Only subusers of this region: all, global, eu.
        #[arg(long, value_enum)]
        subuser_region: Option<RegionArg>,
        /// Include each subuser's region.
        #[arg(long)]
        include_region: bool,
        /// Follow pages until the last one.
        #[arg(long)]
        all: bool,
    },
    /// Create a subuser.
    Create {
        /// The subuser's username.
        #[arg(long)]
        username: String,
        /// Email address.
        #[arg(long)]
        email: String,
        /// Console password (or $SENDGRID_SUBUSER_PASSWORD).
        #[arg(long, env = "SENDGRID_SUBUSER_PASSWORD", hide_env_values = true)]
        password: String,
        /// IPv4 address to assign (repeatable).
        #[arg(long = "ip")]
        ips: Vec<String>,
        /// The new subuser's region: global or eu.
        #[arg(long)]
        subuser_region: Option<String>,
        /// Also return each subuser's region.
        #[arg(long)]
        include_region: bool,
    },
    /// Enable a subuser (or many: --from names.txt, one username per line).
    Enable {
        /// The subuser's username.
        #[arg(required_unless_present = "file")]
        username: Option<String>,
        #[command(flatten)]
        from: crate::bulk::From,
    },
    /// Disable a subuser (or many: --from names.txt, one username per line).
    Disable {
        /// The subuser's username.
        #[arg(required_unless_present = "file")]
        username: Option<String>,
        #[command(flatten)]
        from: crate::bulk::From,
    },
    /// Delete a subuser.
    Delete {
        /// The subuser's username.
        username: String,
    },
    /// Replace a subuser's IPs (or many subusers': --from ips.csv, rows `username,ip,ip...`).
    SetIps {
        /// The subuser's username.
        #[arg(required_unless_present = "file")]
        username: Option<String>,
        /// IPv4 addresses (replacing the current ones).
        ips: Vec<String>,
        #[command(flatten)]
        from: crate::bulk::From,
    },
    /// Reputations of subusers (any number with --from names.txt, asked 100 at a time).
    Reputations {
        /// Subuser usernames.
        #[arg(required_unless_present = "file")]
        usernames: Vec<String>,
        #[command(flatten)]
        from: crate::bulk::From,
    },
    /// Credits: get, set, adjust.
    #[command(subcommand)]
    Credits(CreditsCmd),
    /// Website (console) access: enable, disable.
    #[command(subcommand)]
    WebsiteAccess(WebsiteCmd),
    /// Statistics.
    #[command(subcommand)]
    Stats(StatsCmd),
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum RegionArg {
    All,
    Global,
    Eu,
}

#[derive(Subcommand)]
pub enum CreditsCmd {
    /// Show a subuser's credits.
    Get {
        /// The subuser's username.
        username: String,
    },
    /// Set a subuser's credit allocation.
    Set {
        /// The subuser's username.
        username: String,
        /// unlimited, recurring or nonrecurring.
        #[arg(long = "type", value_parser = ["unlimited", "recurring", "nonrecurring"])]
        kind: String,
        /// monthly, weekly or daily (recurring only).
        #[arg(long, value_parser = ["monthly", "weekly", "daily"])]
        reset_frequency: Option<String>,
        /// Credits per period (recurring) or in all (nonrecurring).
        #[arg(long)]
        total: Option<u64>,
    },
    /// Add (positive) or remove (negative) remaining credits.
    Adjust {
        /// The subuser's username.
        username: String,
        /// How many credits to add (negative: remove).
        #[arg(long, allow_negative_numbers = true)]
        by: i64,
    },
}

#[derive(Subcommand)]
pub enum WebsiteCmd {
    /// Allow console access.
    Enable {
        /// The subuser's username.
        username: String,
    },
    /// Block console access (sending still works).
    Disable {
        /// The subuser's username.
        username: String,
    },
}

#[derive(Subcommand)]
pub enum StatsCmd {
    /// One subuser's month.
    SubuserMonthly {
        /// The subuser's username.
        username: String,
        /// Any day of the month, YYYY-MM-DD.
        #[arg(long)]
        date: String,
        /// Metric to sort by (e.g. delivered).
        #[arg(long)]
        sort_by_metric: Option<String>,
        /// Page size.
        #[arg(long)]
        limit: Option<u32>,
    },
    /// Every subuser's month.
    Monthly {
        /// Any day of the month, YYYY-MM-DD.
        #[arg(long)]
        date: String,
        /// Only this subuser (username).
        #[arg(long)]
        subuser: Option<String>,
        /// Metric to sort by (e.g. delivered).
        #[arg(long)]
        sort_by_metric: Option<String>,
        /// asc or desc.
        #[arg(long)]
        direction: Option<String>,
        /// Page size.
        #[arg(long)]
        limit: Option<u32>,
        /// How many to skip.
        #[arg(long)]
        offset: Option<u32>,
    },
    /// Rows per day, week or month for 1-10 subusers.
    List {
        /// Subuser usernames.
        #[arg(long = "subuser", required = true)]
        subusers: Vec<String>,
        /// First day, YYYY-MM-DD.
        #[arg(long)]
        start_date: String,
        /// Last day, YYYY-MM-DD (default: today).
        #[arg(long)]
        end_date: Option<String>,
        /// day, week or month.
        #[arg(long, value_parser = ["day", "week", "month"])]
        aggregated_by: Option<String>,
    },
    /// Totals per subuser over a date range.
    Sums {
        /// First day, YYYY-MM-DD.
        #[arg(long)]
        start_date: String,
        /// Last day, YYYY-MM-DD (default: today).
        #[arg(long)]
        end_date: Option<String>,
        /// Metric to sort by (e.g. delivered).
        #[arg(long)]
        sort_by_metric: Option<String>,
        /// Page size.
        #[arg(long)]
        limit: Option<u32>,
    },
}

/// Parses a snake_case enum value through serde, naming the flag when it is wrong.
pub fn parse<T: serde::de::DeserializeOwned>(field: &str, v: &str) -> Result<T, Error> {
    serde_json::from_value(serde_json::Value::String(v.to_string()))
        .map_err(|_| Error::invalid(field, format!("{v:?} is not an accepted value")))
}

fn opt<T: serde::de::DeserializeOwned>(field: &str, v: Option<String>) -> Result<Option<T>, Error> {
    v.map(|v| parse(field, &v)).transpose()
}

pub async fn run(c: &Client, cmd: Cmd, f: Format) -> Result<(), Error> {
    let cmd_name = match &cmd {
        Cmd::Disable { .. } => "disable",
        _ => "",
    };
    match cmd {
        Cmd::List {
            username,
            limit,
            offset,
            subuser_region,
            include_region,
            all,
        } => {
            let region = subuser_region.map(|r| match r {
                RegionArg::All => RegionFilter::All,
                RegionArg::Global => RegionFilter::Global,
                RegionArg::Eu => RegionFilter::Eu,
            });
            let p = ListSubusers {
                username,
                limit,
                offset,
                region,
                include_region,
            };
            if all {
                print_stream(c.subusers().list_all(p), f).await?;
            } else {
                print(&c.subusers().list(&p).await?, f);
            }
        }
        Cmd::Create {
            username,
            email,
            password,
            ips,
            subuser_region,
            include_region,
        } => {
            let region = subuser_region.map(|r| Region::parse(&r)).transpose()?;
            let s = CreateSubuser {
                username,
                email,
                password,
                ips,
                region,
                include_region,
            };
            print(&c.subusers().create(&s).await?, f);
        }
        Cmd::Enable { username, from } | Cmd::Disable { username, from } if username.is_none() => {
            let disabled = matches!(cmd_name, "disable");
            let names = bulk::lines(from.file.as_deref().unwrap_or("-"))?;
            let (bar, o) = bulk::progress(names.len(), from.concurrency, "subusers");
            let out = c.bulk().set_disabled(names, disabled, &o).await;
            bulk::report(bar, out, String::clone, f)?
        }
        Cmd::Enable { username, .. } => {
            let u = username.unwrap_or_default();
            print(&c.subusers().enable(&u).await.map(|_| done())?, f)
        }
        Cmd::Disable { username, .. } => {
            let u = username.unwrap_or_default();
            print(&c.subusers().disable(&u).await.map(|_| done())?, f)
        }
        Cmd::Delete { username } => {
            print(&c.subusers().delete(&username).await.map(|_| done())?, f)
        }
        Cmd::SetIps {
            username: None,
            from,
            ..
        } => {
            let rows = bulk::csv_rows(from.file.as_deref().unwrap_or("-"), 1, "username,ip,ip...")?;
            let items: Vec<(String, Vec<String>)> = rows
                .into_iter()
                .map(|mut r| {
                    let name = r.remove(0);
                    (name, r.into_iter().filter(|ip| !ip.is_empty()).collect())
                })
                .collect();
            let (bar, o) = bulk::progress(items.len(), from.concurrency, "subusers");
            let out = c.bulk().set_ips(items, &o).await;
            bulk::report(bar, out, |(u, _)| u.clone(), f)?
        }
        Cmd::SetIps {
            username: Some(username),
            ips,
            ..
        } => print(&c.ips().set(&username, &ips).await?, f),
        Cmd::Reputations {
            from:
                crate::bulk::From {
                    file: Some(file),
                    concurrency,
                },
            ..
        } => {
            let names = bulk::lines(&file)?;
            let (bar, o) = bulk::progress(names.len().div_ceil(100), concurrency, "chunks of 100");
            let out = c.bulk().reputations(names, &o).await;
            bulk::report(
                bar,
                out,
                |names| names.first().cloned().unwrap_or_default(),
                f,
            )?
        }
        Cmd::Reputations { usernames, .. } => print(&c.reputations().list(&usernames).await?, f),
        Cmd::Credits(CreditsCmd::Get { username }) => print(&c.credits().get(&username).await?, f),
        Cmd::Credits(CreditsCmd::Set {
            username,
            kind,
            reset_frequency,
            total,
        }) => {
            let set = SetCredits {
                r#type: parse::<CreditType>("type", &kind)?,
                reset_frequency: opt::<ResetFrequency>("reset_frequency", reset_frequency)?,
                total,
            };
            print(&c.credits().set(&username, &set).await?, f);
        }
        Cmd::Credits(CreditsCmd::Adjust { username, by }) => {
            print(&c.credits().adjust_remaining(&username, by).await?, f)
        }
        Cmd::WebsiteAccess(WebsiteCmd::Enable { username }) => print(
            &c.website_access().enable(&username).await.map(|_| done())?,
            f,
        ),
        Cmd::WebsiteAccess(WebsiteCmd::Disable { username }) => print(
            &c.website_access()
                .disable(&username)
                .await
                .map(|_| done())?,
            f,
        ),
        Cmd::Stats(s) => stats(c, s, f).await?,
    }
    Ok(())
}

async fn stats(c: &Client, cmd: StatsCmd, f: Format) -> Result<(), Error> {
    match cmd {
        StatsCmd::SubuserMonthly {
            username,
            date,
            sort_by_metric,
            limit,
        } => {
            let q = MonthlyStatsQuery {
                date,
                sort_by_metric: opt::<Metric>("sort_by_metric", sort_by_metric)?,
                limit,
                ..Default::default()
            };
            print(&c.stats().subuser_monthly(&username, &q).await?, f);
        }
        StatsCmd::Monthly {
            date,
            subuser,
            sort_by_metric,
            direction,
            limit,
            offset,
        } => {
            let q = MonthlyStatsQuery {
                date,
                subuser,
                sort_by_metric: opt::<Metric>("sort_by_metric", sort_by_metric)?,
                sort_by_direction: opt::<SortDirection>("direction", direction)?,
                limit,
                offset,
            };
            print(&c.stats().monthly(&q).await?, f);
        }
        StatsCmd::List {
            subusers,
            start_date,
            end_date,
            aggregated_by,
        } => {
            let q = StatsQuery {
                subusers,
                start_date,
                end_date,
                aggregated_by: opt::<AggregatedBy>("aggregated_by", aggregated_by)?,
                ..Default::default()
            };
            print(&c.stats().list(&q).await?, f);
        }
        StatsCmd::Sums {
            start_date,
            end_date,
            sort_by_metric,
            limit,
        } => {
            let q = StatsSumsQuery {
                start_date,
                end_date,
                sort_by_metric: opt::<Metric>("sort_by_metric", sort_by_metric)?,
                limit,
                ..Default::default()
            };
            print(&c.stats().sums(&q).await?, f);
        }
    }
    Ok(())
}
