//! `sendgrid-admin accounts ...`: customer accounts (partners / resellers).

use clap::{Args, Subcommand};
use sendgrid_admin::accounts::{
    AccountProfile, CreateAccount, IpRegion, ListAccountIps, ListAccounts, NewAccountState,
    Offering, OfferingType,
};
use sendgrid_admin::{Client, Error};

use crate::done;
use crate::output::{print, print_stream, Format};
use crate::subusers::parse;

#[derive(Subcommand)]
pub enum Cmd {
    /// List customer accounts (one page, or every page with --all).
    List {
        /// The last account id already seen.
        #[arg(long)]
        after: Option<String>,
        /// Page size, 1-100.
        #[arg(long)]
        limit: Option<u32>,
        /// Follow every page and print every item.
        #[arg(long)]
        all: bool,
    },
    /// Create a customer account.
    Create {
        #[command(flatten)]
        offerings: Offerings,
        /// Contact email.
        #[arg(long)]
        email: Option<String>,
        /// First name.
        #[arg(long)]
        first_name: Option<String>,
        /// Last name.
        #[arg(long)]
        last_name: Option<String>,
        /// Company name.
        #[arg(long)]
        company_name: Option<String>,
        /// Company website.
        #[arg(long)]
        company_website: Option<String>,
        /// Phone, E.164 (+ and up to 15 digits).
        #[arg(long)]
        phone: Option<String>,
        /// IANA time zone, e.g. Europe/Paris.
        #[arg(long)]
        timezone: Option<String>,
        /// Create a test account.
        #[arg(long)]
        test_account: bool,
    },
    /// Delete a customer account. Irreversible: its API keys, SSO, offerings and dedicated IPs
    /// go and its billing stops at once; --yes is required.
    Delete {
        /// The customer account id.
        account: String,
        /// Confirm: this cannot be undone.
        #[arg(long)]
        yes: bool,
    },
    /// The account's offerings.
    Offerings {
        /// The customer account id.
        account: String,
    },
    /// Replace the account's offerings.
    SetOfferings {
        /// The customer account id.
        account: String,
        #[command(flatten)]
        offerings: Offerings,
    },
    /// The partner's catalog of offerings.
    Catalog,
    /// The account's state.
    State {
        /// The customer account id.
        account: String,
    },
    /// Set the account's state: activated or deactivated.
    SetState {
        /// The customer account id.
        account: String,
        /// activated or deactivated.
        state: String,
    },
    /// Print a single sign-on link into the account's console.
    SsoLogin {
        /// The customer account id.
        account: String,
    },
    /// The account's dedicated IPs, newest first (one page, or every page with --all).
    Ips {
        /// The customer account id.
        account: String,
        /// The last IP already seen.
        #[arg(long)]
        after: Option<String>,
        /// Page size, 1-5000.
        #[arg(long)]
        limit: Option<u32>,
        /// Follow every page and print every item.
        #[arg(long)]
        all: bool,
    },
    /// Add 1-10 dedicated IPs in one region (us or eu).
    AddIps {
        /// The customer account id.
        account: String,
        /// How many IPs (1-10).
        #[arg(long)]
        count: u32,
        /// us or eu.
        #[arg(long)]
        region: String,
    },
    /// Remove 1-10 of the account's IPs.
    RemoveIps {
        /// The customer account id.
        account: String,
        /// The account's IPv4 addresses to remove (1-10).
        #[arg(required = true)]
        ips: Vec<String>,
    },
}

/// `--package NAME` (exactly one) and `--addon NAME[=QUANTITY]` (any).
#[derive(Args)]
pub struct Offerings {
    /// The account's package, e.g. org.ei.free.v1.
    #[arg(long)]
    package: String,
    /// An add-on, NAME or NAME=QUANTITY (repeatable).
    #[arg(long)]
    addon: Vec<String>,
}

impl Offerings {
    fn list(self) -> Result<Vec<Offering>, Error> {
        let mut out = vec![Offering {
            extra: Default::default(),
            name: self.package,
            r#type: OfferingType::Package,
            quantity: Some(1),
        }];
        for (i, a) in self.addon.into_iter().enumerate() {
            let (name, quantity) = match a.split_once('=') {
                Some((n, q)) => (
                    n.to_string(),
                    Some(q.parse::<i64>().map_err(|_| {
                        Error::invalid(format!("addon[{i}]"), format!("{q:?} is not a quantity"))
                    })?),
                ),
                None => (a, None),
            };
            out.push(Offering {
                extra: Default::default(),
                name,
                r#type: OfferingType::Addon,
                quantity,
            });
        }
        Ok(out)
    }
}

pub async fn run(c: &Client, cmd: Cmd, f: Format) -> Result<(), Error> {
    let a = c.accounts();
    match cmd {
        Cmd::List { after, limit, all } => {
            let p = ListAccounts { after, limit };
            if all {
                print_stream(a.list_all(p), f).await?;
            } else {
                print(&a.list(&p).await?, f);
            }
        }
        Cmd::Create {
            offerings,
            email,
            first_name,
            last_name,
            company_name,
            company_website,
            phone,
            timezone,
            test_account,
        } => {
            let profile = AccountProfile {
                first_name,
                last_name,
                company_name,
                company_website,
                email,
                phone,
                timezone,
            };
            let account = CreateAccount {
                profile: (profile != AccountProfile::default()).then_some(profile),
                offerings: offerings.list()?,
                test_account,
            };
            print(&a.create(&account).await?, f);
        }
        Cmd::Delete { account, yes } => {
            if !yes {
                return Err(Error::invalid(
                    "yes",
                    "deleting an account is irreversible (API keys, SSO, offerings, IPs and billing go); pass --yes",
                ));
            }
            a.delete(&account).await?;
            print(&done(), f);
        }
        Cmd::Offerings { account } => print(&a.offerings(&account).await?, f),
        Cmd::SetOfferings { account, offerings } => {
            print(&a.set_offerings(&account, &offerings.list()?).await?, f)
        }
        Cmd::Catalog => print(&a.catalog().await?, f),
        Cmd::State { account } => print(&a.state(&account).await?, f),
        Cmd::SetState { account, state } => {
            a.set_state(&account, parse::<NewAccountState>("state", &state)?)
                .await?;
            print(&done(), f);
        }
        Cmd::SsoLogin { account } => print(&a.sso_login(&account).await?, f),
        Cmd::Ips {
            account,
            after,
            limit,
            all,
        } => {
            let p = ListAccountIps { after, limit };
            if all {
                print_stream(a.list_all_ips(&account, p), f).await?;
            } else {
                print(&a.ips(&account, &p).await?, f);
            }
        }
        Cmd::AddIps {
            account,
            count,
            region,
        } => {
            let r = parse::<IpRegion>("region", &region)?;
            print(&a.add_ips(&account, count, r).await?, f);
        }
        Cmd::RemoveIps { account, ips } => {
            a.remove_ips(&account, &ips).await?;
            print(&done(), f);
        }
    }
    Ok(())
}
