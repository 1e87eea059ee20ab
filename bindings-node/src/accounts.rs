//! `client.accounts`: customer accounts (list, iterAll, create, delete, offerings,
//! setOfferings, catalog, state, setState, ssoLogin, ips, iterIps, addIps, removeIps).

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::Env;
use napi::Result;
use napi_derive::napi;
use sendgrid_admin::accounts::{
    self as core, AccountProfile, CreateAccount, IpRegion, ListAccountIps, ListAccounts,
    NewAccountState, OfferingType,
};

use crate::convert::{from_core, Conv};
use crate::errors::{choice, settle, thrown, to_napi, unsigned, IntoNapi};
use crate::models::all;
use crate::paging::{AccountIpPager, AccountPager, IterCursorOptions};
use crate::resource;
use crate::strict::{CheckedOption, Strict};
use serde_json::{Map, Value};

resource!(
    "Customer accounts (partners / resellers). Every call is parent-level.",
    Accounts
);

/// A customer account as listed.
#[napi(object)]
pub struct Account {
    /// The account id: what `forAccount` takes.
    pub id: String,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(Account from core::Account: id, created_at, extra);

/// One page of accounts; pass `nextAfter` as `after` for the next.
#[napi(object)]
pub struct AccountPage {
    /// The accounts on this page.
    pub accounts: Vec<Account>,
    /// The cursor of the next page.
    pub next_after: Option<String>,
}
from_core!(AccountPage from core::AccountPage: accounts, next_after);

/// A package or add-on of an account.
#[napi(object)]
#[derive(Clone)]
pub struct Offering {
    /// E.g. "org.ei.free.v1".
    pub name: String,
    /// "package" (exactly one per account) or "addon".
    #[napi(js_name = "type")]
    pub kind: String,
    /// How many (a package's is 1).
    pub quantity: Option<i64>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Option<Map<String, Value>>,
}
from_core!(Offering from core::Offering: name, kind = r#type, quantity, extra);

fn to_core(o: Vec<Offering>) -> Vec<core::Offering> {
    o.into_iter()
        .map(|o| core::Offering {
            extra: o.extra.conv(),
            name: o.name,
            r#type: match o.kind.as_str() {
                "package" => OfferingType::Package,
                "addon" => OfferingType::Addon,
                other => OfferingType::Other(other.to_string()),
            },
            quantity: o.quantity,
        })
        .collect()
}

/// The answer to creating an account.
#[napi(object)]
pub struct CreatedAccount {
    /// The new account's id.
    pub account_id: String,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(CreatedAccount from core::CreatedAccount: account_id, extra);

/// The limits an offering gives.
#[napi(object)]
pub struct Entitlements {
    /// Emails per month.
    pub email_sends_max_monthly: Option<i64>,
    /// Dedicated IPs.
    pub ip_count: Option<i64>,
    /// Teammates.
    pub teammates_max_total: Option<i64>,
    /// Users.
    pub users_max_total: Option<i64>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(Entitlements from core::Entitlements: email_sends_max_monthly, ip_count, teammates_max_total, users_max_total, extra);

/// An offering of the partner's catalog and its limits.
#[napi(object)]
pub struct CatalogEntry {
    /// The offering.
    pub offering: Offering,
    /// Its limits.
    pub entitlements: Entitlements,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(CatalogEntry from core::CatalogEntry: offering, entitlements, extra);

/// A dedicated IP of an account.
#[napi(object)]
pub struct AccountIp {
    /// IPv4 address.
    pub ip: String,
    /// "us" or "eu".
    pub region: String,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(AccountIp from core::AccountIp: ip, region, extra);

/// One page of an account's IPs, newest first.
#[napi(object)]
pub struct AccountIpPage {
    /// The IPs on this page.
    pub ips: Vec<AccountIp>,
    /// The cursor of the next page.
    pub next_after: Option<String>,
}
from_core!(AccountIpPage from core::AccountIpPage: ips, next_after);

/// The answer to adding IPs.
#[napi(object)]
pub struct AddedIps {
    /// The new IPv4 addresses.
    pub ips: Vec<String>,
    /// Their region.
    pub region: String,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(AddedIps from core::AddedIps: ips, region, extra);

/// Options of `accounts.list`, `accounts.iterAll`, `accounts.ips` and `accounts.iterIps`.
#[napi(object)]
#[derive(Default)]
pub struct CursorOptions {
    /// The last id (or IP) already seen.
    pub after: Option<String>,
    /// Page size (accounts 1-100, IPs 1-5000; iterators: default 100).
    pub limit: Option<f64>,
}

/// Contact details of a new account (all optional).
#[napi(object)]
#[derive(Default)]
pub struct AccountProfileOptions {
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Company name.
    pub company_name: Option<String>,
    /// Company website.
    pub company_website: Option<String>,
    /// Contact email.
    pub email: Option<String>,
    /// Phone, E.164.
    pub phone: Option<String>,
    /// IANA time zone.
    pub timezone: Option<String>,
}

/// A new customer account.
#[napi(object)]
pub struct CreateAccountOptions {
    /// Exactly one package (quantity 1), any add-ons.
    pub offerings: Vec<Offering>,
    /// Contact details.
    pub profile: Option<AccountProfileOptions>,
    /// Create a test account (SendGrid's T-Test-Account header).
    pub test_account: Option<bool>,
}

fn accounts_query(o: Option<CursorOptions>) -> Result<ListAccounts> {
    let o = o.unwrap_or_default();
    Ok(ListAccounts {
        after: o.after,
        limit: unsigned("limit", o.limit)?,
    })
}

fn ips_query(o: Option<CursorOptions>) -> Result<ListAccountIps> {
    let o = o.unwrap_or_default();
    Ok(ListAccountIps {
        after: o.after,
        limit: unsigned("limit", o.limit)?,
    })
}

#[napi]
impl Accounts {
    /// One page of customer accounts (`GET /v3/partners/accounts`).
    #[napi]
    pub fn list<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "CursorOptions")] options: Option<Strict<CursorOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, AccountPage>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
            let p = accounts_query(options)?;
            let page = this.client.accounts().list(&p).await.into_napi()?;
            Ok(AccountPage::from(page))
        })
    }

    /// Every customer account: `for await (const a of client.accounts.iterAll())`.
    #[napi]
    pub fn iter_all(
        &self,
        env: &Env,
        #[napi(ts_arg_type = "IterCursorOptions")] options: Option<Strict<IterCursorOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<AccountPager> {
        thrown(env, || {
            let this = self.for_call(env, call)?;
            let options = options.checked()?;
            let o = options.unwrap_or_default();
            let p = ListAccounts {
                after: o.after,
                limit: unsigned("pageSize", o.page_size)?,
            };
            Ok(AccountPager::new(this.client.accounts().list_all(p)))
        })
    }

    /// Creates a customer account (exactly one package).
    #[napi]
    pub fn create<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "CreateAccountOptions")] account: Strict<CreateAccountOptions>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, CreatedAccount>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let account = account.checked()?;
            let p = account.profile.unwrap_or_default();
            let a = CreateAccount {
                profile: Some(AccountProfile {
                    first_name: p.first_name,
                    last_name: p.last_name,
                    company_name: p.company_name,
                    company_website: p.company_website,
                    email: p.email,
                    phone: p.phone,
                    timezone: p.timezone,
                }),
                offerings: to_core(account.offerings),
                test_account: account.test_account.unwrap_or(false),
            };
            let c = this.client.accounts().create(&a).await.into_napi()?;
            Ok(CreatedAccount::from(c))
        })
    }

    /// Deletes a customer account. Irreversible: SendGrid revokes its API keys and single
    /// sign-on, removes its offerings and dedicated IPs, and cancels its billing at once.
    #[napi]
    pub fn delete<'e>(
        &self,
        env: &'e Env,
        account_id: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ()>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client.accounts().delete(&account_id).await.into_napi()
        })
    }

    /// The account's offerings.
    #[napi]
    pub fn offerings<'e>(
        &self,
        env: &'e Env,
        account_id: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<Offering>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let o = this
                .client
                .accounts()
                .offerings(&account_id)
                .await
                .into_napi()?;
            Ok(o.into_iter().map(Into::into).collect())
        })
    }

    /// Replaces the account's offerings; resolves to them as now set.
    #[napi]
    pub fn set_offerings<'e>(
        &self,
        env: &'e Env,
        account_id: String,
        offerings: Vec<Offering>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<Offering>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let o = this
                .client
                .accounts()
                .set_offerings(&account_id, &to_core(offerings))
                .await
                .into_napi()?;
            Ok(o.into_iter().map(Into::into).collect())
        })
    }

    /// The partner's catalog of offerings.
    #[napi]
    pub fn catalog<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<CatalogEntry>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let c = this.client.accounts().catalog().await.into_napi()?;
            Ok(all(c))
        })
    }

    /// The account's state: "activated", "deactivated", "suspended", "banned", "indeterminate"
    /// (or a value SendGrid adds later).
    #[napi]
    pub fn state<'e>(
        &self,
        env: &'e Env,
        account_id: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, String>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let s = this
                .client
                .accounts()
                .state(&account_id)
                .await
                .into_napi()?;
            Ok(sendgrid_admin::wire::wire_name(&s))
        })
    }

    /// Sets the account's state: "activated" or "deactivated".
    #[napi]
    pub fn set_state<'e>(
        &self,
        env: &'e Env,
        account_id: String,
        #[napi(ts_arg_type = "'activated' | 'deactivated'")] state: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ()>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let s = choice::<NewAccountState>("state", Some(state))?
                .ok_or_else(|| to_napi(sendgrid_admin::Error::invalid("state", "is required")))?;
            this.client
                .accounts()
                .set_state(&account_id, s)
                .await
                .into_napi()
        })
    }

    /// A single sign-on link into the account's console (never followed, never retried).
    #[napi]
    pub fn sso_login<'e>(
        &self,
        env: &'e Env,
        account_id: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, String>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client
                .accounts()
                .sso_login(&account_id)
                .await
                .into_napi()
        })
    }

    /// One page of the account's dedicated IPs, newest first.
    #[napi]
    pub fn ips<'e>(
        &self,
        env: &'e Env,
        account_id: String,
        #[napi(ts_arg_type = "CursorOptions")] options: Option<Strict<CursorOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, AccountIpPage>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
            let p = ips_query(options)?;
            let page = this
                .client
                .accounts()
                .ips(&account_id, &p)
                .await
                .into_napi()?;
            Ok(AccountIpPage::from(page))
        })
    }

    /// Every dedicated IP of the account: `for await (const ip of client.accounts.iterIps(id))`.
    #[napi]
    pub fn iter_ips(
        &self,
        env: &Env,
        account_id: String,
        #[napi(ts_arg_type = "IterCursorOptions")] options: Option<Strict<IterCursorOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<AccountIpPager> {
        thrown(env, || {
            let this = self.for_call(env, call)?;
            let options = options.checked()?;
            let o = options.unwrap_or_default();
            let p = ListAccountIps {
                after: o.after,
                limit: unsigned("pageSize", o.page_size)?,
            };
            Ok(AccountIpPager::new(
                this.client.accounts().list_all_ips(&account_id, p),
            ))
        })
    }

    /// Adds 1-10 dedicated IPs in region "us" or "eu".
    #[napi]
    pub fn add_ips<'e>(
        &self,
        env: &'e Env,
        account_id: String,
        count: f64,
        #[napi(ts_arg_type = "'us' | 'eu'")] region: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, AddedIps>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let n = unsigned::<u32>("count", Some(count))?.unwrap_or(0);
            let r = choice::<IpRegion>("region", Some(region))?
                .ok_or_else(|| to_napi(sendgrid_admin::Error::invalid("region", "is required")))?;
            let a = this
                .client
                .accounts()
                .add_ips(&account_id, n, r)
                .await
                .into_napi()?;
            Ok(AddedIps::from(a))
        })
    }

    /// Removes 1-10 of the account's IPs.
    #[napi]
    pub fn remove_ips<'e>(
        &self,
        env: &'e Env,
        account_id: String,
        ips: Vec<String>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ()>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client
                .accounts()
                .remove_ips(&account_id, &ips)
                .await
                .into_napi()
        })
    }
}
