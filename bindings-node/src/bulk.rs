//! `client.bulk`: many calls at once under the core's pacing, one outcome per item.

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::Env;
use std::sync::Arc;

use napi::Result;
use napi_derive::napi;
use sendgrid_admin::bulk::{BulkItem, BulkOptions, ProgressFn};
use sendgrid_admin::monitor::Monitor as CoreMonitor;

use crate::callback::JsCallback;
use crate::errors::{settle, unsigned, JsError};
use crate::models::{all, Monitor, Reputation};
use crate::resource;
use crate::strict::{CheckedOption, Strict};

resource!("Bulk forms of the common jobs.", Bulk);

/// How a bulk job runs.
#[napi(object, object_to_js = false)]
#[derive(Default)]
pub struct BulkRunOptions {
    /// Calls in flight at once (default 8).
    pub concurrency: Option<f64>,
    /// Called on this thread after every finished item (all calls come before the job's
    /// promise settles; an exception it throws is ignored).
    #[napi(ts_type = "(progress: BulkProgress) => void")]
    pub on_progress: Option<JsCallback>,
}

/// Progress of a bulk job, passed to `onProgress` after every finished item.
#[napi(object)]
pub struct BulkProgress {
    /// Items finished.
    pub done: u32,
    /// Items failed so far.
    pub failed: u32,
    /// Items in the job.
    pub total: u32,
}

pub(crate) fn run_options(o: Option<BulkRunOptions>) -> Result<BulkOptions> {
    let o = o.unwrap_or_default();
    let c = unsigned::<usize>("concurrency", o.concurrency)?;
    let progress = o
        .on_progress
        .map(|f| f.checked("onProgress"))
        .transpose()
        .map_err(crate::errors::to_napi)?;
    let progress = progress.map(|f| {
        let f = Arc::new(f);
        Arc::new(move |p: sendgrid_admin::bulk::BulkProgress| {
            let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            f.call(BulkProgress {
                done: count(p.done),
                failed: count(p.failed),
                total: count(p.total),
            });
        }) as ProgressFn
    });
    Ok(BulkOptions {
        concurrency: c.unwrap_or(sendgrid_admin::bulk::DEFAULT_CONCURRENCY),
        progress,
    })
}

/// The outcome of one subuser in `setDisabled`.
#[napi(object, object_from_js = false)]
pub struct BulkOutcome {
    /// The username.
    pub item: String,
    /// Whether the call succeeded.
    pub ok: bool,
    /// Why it failed.
    #[napi(ts_type = "import('./sendgrid-admin').SendGridError")]
    pub error: Option<JsError>,
}

/// The outcome of one subuser in `updateMonitors`.
#[napi(object, object_from_js = false)]
pub struct BulkMonitorOutcome {
    /// The username.
    pub item: String,
    /// Whether the call succeeded.
    pub ok: bool,
    /// The settings now in force.
    pub monitor: Option<Monitor>,
    /// Why it failed.
    #[napi(ts_type = "import('./sendgrid-admin').SendGridError")]
    pub error: Option<JsError>,
}

/// Monitor settings for one subuser.
#[napi(object)]
pub struct MonitorItem {
    /// The subuser.
    pub username: String,
    /// Where samples go.
    pub email: String,
    /// Every how many emails.
    pub frequency: f64,
}

/// IPs for one subuser.
#[napi(object)]
pub struct IpsItem {
    /// The subuser.
    pub username: String,
    /// IPv4 addresses.
    pub ips: Vec<String>,
}

/// The outcome of one subuser in `setIps`.
#[napi(object, object_from_js = false)]
pub struct BulkIpsOutcome {
    /// The username.
    pub item: String,
    /// Whether the call succeeded.
    pub ok: bool,
    /// The IPs now assigned.
    pub ips: Option<Vec<String>>,
    /// Why it failed.
    #[napi(ts_type = "import('./sendgrid-admin').SendGridError")]
    pub error: Option<JsError>,
}

/// The outcome of one chunk of (at most 100) usernames in `reputations`.
#[napi(object, object_from_js = false)]
pub struct BulkReputationsOutcome {
    /// The usernames of the chunk.
    pub item: Vec<String>,
    /// Whether the call succeeded.
    pub ok: bool,
    /// Their reputations.
    pub reputations: Option<Vec<Reputation>>,
    /// Why it failed.
    #[napi(ts_type = "import('./sendgrid-admin').SendGridError")]
    pub error: Option<JsError>,
}

/// The outcome of one chunk (at most 1000 usernames) of `ips.assign` / `ips.unassign`.
#[napi(object, object_from_js = false)]
pub struct BulkChunkOutcome {
    /// The usernames of the chunk.
    pub item: Vec<String>,
    /// Whether the chunk's request succeeded.
    pub ok: bool,
    /// Why it failed.
    #[napi(ts_type = "import('./sendgrid-admin').SendGridError")]
    pub error: Option<JsError>,
}

/// One outcome per chunk.
pub(crate) fn chunk_outcomes(out: Vec<BulkItem<Vec<String>, ()>>) -> Vec<BulkChunkOutcome> {
    out.into_iter()
        .map(split)
        .map(|(item, ok, _, error)| BulkChunkOutcome { item, ok, error })
        .collect()
}

fn split<I, T>(b: BulkItem<I, T>) -> (I, bool, Option<T>, Option<JsError>) {
    match b.result {
        Ok(v) => (b.item, true, Some(v), None),
        Err(e) => (b.item, false, None, Some(JsError(e))),
    }
}

#[napi]
impl Bulk {
    /// Enables (`disabled = false`) or disables many subusers.
    #[napi]
    pub fn set_disabled<'e>(
        &self,
        env: &'e Env,
        usernames: Vec<String>,
        disabled: bool,
        #[napi(ts_arg_type = "BulkRunOptions")] options: Option<Strict<BulkRunOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<BulkOutcome>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
            let o = run_options(options)?;
            let out = this
                .client
                .bulk()
                .set_disabled(usernames, disabled, &o)
                .await;
            Ok(out
                .into_iter()
                .map(split)
                .map(|(item, ok, _, error)| BulkOutcome { item, ok, error })
                .collect())
        })
    }

    /// Sets monitor settings for many subusers.
    #[napi]
    pub fn update_monitors<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "Array<MonitorItem>")] items: Strict<Vec<MonitorItem>>,
        #[napi(ts_arg_type = "BulkRunOptions")] options: Option<Strict<BulkRunOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<BulkMonitorOutcome>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let items = items.checked()?;
            let options = options.checked()?;
            let o = run_options(options)?;
            // A negative or fractional frequency refuses the whole job before anything is sent,
            // naming the item (as in Python).
            let items = items
                .into_iter()
                .enumerate()
                .map(|(i, m)| {
                    let field = format!("items[{i}].frequency");
                    let f = unsigned(&field, Some(m.frequency))?.unwrap_or_default();
                    Ok((m.username, CoreMonitor::new(m.email, f)))
                })
                .collect::<Result<Vec<_>>>()?;
            let out = this.client.bulk().update_monitors(items, &o).await;
            Ok(out
                .into_iter()
                .map(split)
                .map(|((item, _), ok, m, error)| BulkMonitorOutcome {
                    item,
                    ok,
                    monitor: m.map(Into::into),
                    error,
                })
                .collect())
        })
    }

    /// Replaces the IPs of many subusers.
    #[napi]
    pub fn set_ips<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "Array<IpsItem>")] items: Strict<Vec<IpsItem>>,
        #[napi(ts_arg_type = "BulkRunOptions")] options: Option<Strict<BulkRunOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<BulkIpsOutcome>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let items = items.checked()?;
            let options = options.checked()?;
            let o = run_options(options)?;
            let items = items.into_iter().map(|i| (i.username, i.ips)).collect();
            let out = this.client.bulk().set_ips(items, &o).await;
            Ok(out
                .into_iter()
                .map(split)
                .map(|((item, _), ok, ips, error)| BulkIpsOutcome {
                    item,
                    ok,
                    ips,
                    error,
                })
                .collect())
        })
    }

    /// Reputations of any number of subusers, asked 100 at a time; one outcome per chunk.
    #[napi]
    pub fn reputations<'e>(
        &self,
        env: &'e Env,
        usernames: Vec<String>,
        #[napi(ts_arg_type = "BulkRunOptions")] options: Option<Strict<BulkRunOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<BulkReputationsOutcome>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
            let o = run_options(options)?;
            let out = this.client.bulk().reputations(usernames, &o).await;
            Ok(out
                .into_iter()
                .map(split)
                .map(|(item, ok, r, error)| BulkReputationsOutcome {
                    item,
                    ok,
                    reputations: r.map(all),
                    error,
                })
                .collect())
        })
    }
}
