//! `client.ips`: set, list, subusersOf, iterSubusersOf, assign, unassign.

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::Env;
use napi::Result;
use napi_derive::napi;
use sendgrid_admin::ips::{self as core, ListIpSubusers, ListIps};
use sendgrid_admin::stats::SortDirection;

use crate::bulk::{chunk_outcomes, BulkChunkOutcome};
use crate::convert::from_core;
use crate::errors::{choice, settle, thrown, unsigned, IntoNapi};
use crate::models::{all, SubuserIps};
use crate::paging::{IterCursorOptions, SubuserIdPager};
use crate::resource;
use crate::strict::{CheckedOption, Strict};
use serde_json::{Map, Value};

resource!(
    "The account's IPs and the subusers that send from them. Every call is parent-level.",
    Ips
);

/// An IP of the parent account, as `GET /v3/ips` lists it.
#[napi(object)]
pub struct IpAddress {
    /// The IPv4 address.
    pub ip: String,
    /// Usernames of the subusers that may send from it.
    pub subusers: Vec<String>,
    /// Its reverse DNS record, if any.
    pub rdns: Option<String>,
    /// The IP pools it is in.
    pub pools: Vec<String>,
    /// Whether it is warming up.
    pub warmup: bool,
    /// When warmup started (epoch seconds).
    pub start_date: Option<i64>,
    /// Whether it has a reverse DNS record.
    pub whitelabeled: bool,
    /// When it was assigned to the account (epoch seconds).
    pub assigned_at: Option<i64>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(IpAddress from core::IpAddress: ip, subusers, rdns, pools, warmup, start_date, whitelabeled, assigned_at, extra);

/// One page of the subusers an IP is assigned to.
#[napi(object)]
pub struct IpSubusersPage {
    /// Subuser ids, as SendGrid sends them (numeric strings).
    pub subuser_ids: Vec<String>,
    /// Pass as `after` for the next page; absent on the last page.
    pub next_after: Option<String>,
}
from_core!(IpSubusersPage from core::IpSubusersPage: subuser_ids, next_after);

/// Filters and page of `ips.list`.
#[napi(object)]
#[derive(Default)]
pub struct ListIpsOptions {
    /// Only the IPs this subuser (username) may send from.
    pub subuser: Option<String>,
    /// Only this IP.
    pub ip: Option<String>,
    /// Leave out IPs with a reverse DNS record.
    pub exclude_whitelabels: Option<bool>,
    /// Page size, 1-500.
    pub limit: Option<f64>,
    /// IPs to skip.
    pub offset: Option<f64>,
    /// "asc" or "desc".
    #[napi(ts_type = "'asc' | 'desc'")]
    pub sort_by_direction: Option<String>,
}

/// Where a listing of an IP's subusers starts and its page size (1-100).
#[napi(object)]
#[derive(Default)]
pub struct SubusersOfOptions {
    /// The previous page's `nextAfter`.
    pub after: Option<String>,
    /// Page size, 1-100.
    pub limit: Option<f64>,
}

fn subusers_of_query(o: Option<SubusersOfOptions>) -> Result<ListIpSubusers> {
    let o = o.unwrap_or_default();
    Ok(ListIpSubusers {
        after: o.after,
        limit: unsigned("limit", o.limit)?,
    })
}

#[napi]
impl Ips {
    /// Replaces the subuser's IPs (`PUT /v3/subusers/{name}/ips`).
    #[napi]
    pub fn set<'e>(
        &self,
        env: &'e Env,
        username: String,
        ips: Vec<String>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, SubuserIps>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client
                .ips()
                .set(&username, &ips)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// One page of the account's IPs with their subusers (`subuser` gives one subuser's IPs).
    #[napi]
    pub fn list<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "ListIpsOptions")] options: Option<Strict<ListIpsOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<IpAddress>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
            let o = options.unwrap_or_default();
            let p = ListIps {
                subuser: o.subuser,
                ip: o.ip,
                exclude_whitelabels: o.exclude_whitelabels,
                limit: unsigned("limit", o.limit)?,
                offset: unsigned("offset", o.offset)?,
                sort_by_direction: choice::<SortDirection>("sortByDirection", o.sort_by_direction)?,
            };
            Ok(all(this.client.ips().list(&p).await.into_napi()?))
        })
    }

    /// One page of the ids of the subusers `ip` is assigned to.
    #[napi]
    pub fn subusers_of<'e>(
        &self,
        env: &'e Env,
        ip: String,
        #[napi(ts_arg_type = "SubusersOfOptions")] options: Option<Strict<SubusersOfOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, IpSubusersPage>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
            let p = subusers_of_query(options)?;
            let page = this.client.ips().subusers_of(&ip, &p).await.into_napi()?;
            Ok(IpSubusersPage::from(page))
        })
    }

    /// Every subuser id `ip` is assigned to (`for await`), `limit` (default 100) per page.
    #[napi]
    pub fn iter_subusers_of(
        &self,
        env: &Env,
        ip: String,
        #[napi(ts_arg_type = "IterCursorOptions")] options: Option<Strict<IterCursorOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<SubuserIdPager> {
        thrown(env, || {
            let this = self.for_call(env, call)?;
            let options = options.checked()?;
            let o = options.unwrap_or_default();
            let p = ListIpSubusers {
                after: o.after,
                limit: unsigned("pageSize", o.page_size)?,
            };
            Ok(SubuserIdPager::new(
                this.client.ips().list_all_subusers_of(&ip, p),
            ))
        })
    }

    /// Lets these subusers send from `ip`: usernames are looked up to ids, then sent 1000 per
    /// request. One outcome per chunk.
    #[napi]
    pub fn assign<'e>(
        &self,
        env: &'e Env,
        ip: String,
        usernames: Vec<String>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<BulkChunkOutcome>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let out = this
                .client
                .ips()
                .assign(&ip, &usernames)
                .await
                .into_napi()?;
            Ok(chunk_outcomes(out))
        })
    }

    /// Stops these subusers sending from `ip`; chunked like `assign`.
    #[napi]
    pub fn unassign<'e>(
        &self,
        env: &'e Env,
        ip: String,
        usernames: Vec<String>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<BulkChunkOutcome>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let out = this
                .client
                .ips()
                .unassign(&ip, &usernames)
                .await
                .into_napi()?;
            Ok(chunk_outcomes(out))
        })
    }
}
