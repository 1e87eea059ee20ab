//! `client.bulk()`: many calls at once under the core's pacing, one outcome per item, with an
//! optional progress listener implemented in Kotlin or Swift.

use std::sync::Arc;

use sendgrid_admin::bulk::{BulkItem, BulkOptions, ProgressFn};
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::reputations::Reputation;

use crate::errors::SendGridError;
use crate::resource;

resource!("Bulk forms of the common jobs.", Bulk);

/// Progress of a bulk job.
#[derive(Debug, Clone, Copy, uniffi::Record)]
pub struct BulkProgress {
    /// Items finished.
    pub done: u64,
    /// Items failed so far.
    pub failed: u64,
    /// Items in the job.
    pub total: u64,
}

/// Receives progress after every finished item (called from a worker thread).
#[uniffi::export(with_foreign)]
pub trait BulkProgressListener: Send + Sync {
    /// One more item finished.
    fn on_progress(&self, progress: BulkProgress);
}

/// The outcome of one item: `error` is null when it succeeded.
#[derive(Debug, uniffi::Record)]
pub struct BulkOutcome {
    /// The subuser.
    pub item: String,
    /// Why it failed.
    pub error: Option<SendGridError>,
}

/// The outcome of one chunk (at most 1000 usernames) of `ips().assign` / `unassign`: `error`
/// is null when its request succeeded.
#[derive(Debug, uniffi::Record)]
pub struct BulkChunkOutcome {
    /// The usernames of the chunk.
    pub usernames: Vec<String>,
    /// Why it failed.
    pub error: Option<SendGridError>,
}

/// One outcome per chunk.
pub(crate) fn chunk_outcomes(out: Vec<BulkItem<Vec<String>, ()>>) -> Vec<BulkChunkOutcome> {
    out.into_iter()
        .map(|b| BulkChunkOutcome {
            usernames: b.item,
            error: b.result.err().map(Into::into),
        })
        .collect()
}

pub(crate) fn options(
    concurrency: Option<u32>,
    listener: Option<Arc<dyn BulkProgressListener>>,
) -> BulkOptions {
    let progress = listener.map(|l| {
        Arc::new(move |p: sendgrid_admin::bulk::BulkProgress| {
            l.on_progress(BulkProgress {
                done: p.done as u64,
                failed: p.failed as u64,
                total: p.total as u64,
            })
        }) as ProgressFn
    });
    BulkOptions {
        concurrency: concurrency.map_or(sendgrid_admin::bulk::DEFAULT_CONCURRENCY, |c| c as usize),
        progress,
    }
}

fn outcome<I, T>(b: BulkItem<I, T>, name: impl Fn(&I) -> String) -> BulkOutcome {
    BulkOutcome {
        item: name(&b.item),
        error: b.result.err().map(Into::into),
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl Bulk {
    /// Enables (`disabled = false`) or disables many subusers.
    pub async fn set_disabled(
        &self,
        usernames: Vec<String>,
        disabled: bool,
        concurrency: Option<u32>,
        listener: Option<Arc<dyn BulkProgressListener>>,
    ) -> Vec<BulkOutcome> {
        let o = options(concurrency, listener);
        let out = self
            .client
            .bulk()
            .set_disabled(usernames, disabled, &o)
            .await;
        out.into_iter().map(|b| outcome(b, String::clone)).collect()
    }

    /// Sets monitor settings for many subusers (username → settings): one outcome per subuser,
    /// with the settings SendGrid kept.
    pub async fn update_monitors(
        &self,
        items: Vec<MonitorItem>,
        concurrency: Option<u32>,
        listener: Option<Arc<dyn BulkProgressListener>>,
    ) -> Vec<BulkMonitorOutcome> {
        let o = options(concurrency, listener);
        let items = items.into_iter().map(|i| (i.username, i.monitor)).collect();
        let out = self.client.bulk().update_monitors(items, &o).await;
        out.into_iter()
            .map(|b| {
                let (monitor, error) = split(b.result);
                BulkMonitorOutcome {
                    item: b.item.0,
                    monitor,
                    error,
                }
            })
            .collect()
    }

    /// Reputations of any number of subusers, asked 100 at a time: one outcome per chunk (as
    /// in Python and Node), with its usernames and reputations or why it failed.
    pub async fn reputations(
        &self,
        usernames: Vec<String>,
        concurrency: Option<u32>,
    ) -> Vec<BulkReputationsOutcome> {
        let o = options(concurrency, None);
        let out = self.client.bulk().reputations(usernames, &o).await;
        out.into_iter()
            .map(|b| {
                let (reputations, error) = split(b.result);
                BulkReputationsOutcome {
                    item: b.item,
                    reputations,
                    error,
                }
            })
            .collect()
    }
}

fn split<T>(r: sendgrid_admin::Result<T>) -> (Option<T>, Option<SendGridError>) {
    match r {
        Ok(v) => (Some(v), None),
        Err(e) => (None, Some(e.into())),
    }
}

/// Monitor settings for one subuser.
#[derive(Debug, uniffi::Record)]
pub struct MonitorItem {
    /// The subuser.
    pub username: String,
    /// The settings.
    pub monitor: Monitor,
}

/// The outcome of one subuser's monitor update: `monitor` (what SendGrid kept) when it
/// succeeded, `error` when it failed.
#[derive(Debug, uniffi::Record)]
pub struct BulkMonitorOutcome {
    /// The subuser.
    pub item: String,
    /// The settings SendGrid kept.
    pub monitor: Option<Monitor>,
    /// Why it failed.
    pub error: Option<SendGridError>,
}

/// The outcome of one chunk (at most 100 usernames) of `reputations`: `reputations` when its
/// request succeeded, `error` when it failed.
#[derive(Debug, uniffi::Record)]
pub struct BulkReputationsOutcome {
    /// The usernames of the chunk.
    pub item: Vec<String>,
    /// Their reputations.
    pub reputations: Option<Vec<Reputation>>,
    /// Why it failed.
    pub error: Option<SendGridError>,
}
