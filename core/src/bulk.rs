//! Bulk operations: many calls at once under the client's pacing, one result per item.
//! A failed item never stops the others; dropping the future cancels what is in flight.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use futures_util::stream::{self, StreamExt};
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Result;
use crate::monitor::Monitor;
use crate::reputations::{Reputation, MAX_USERNAMES_PER_REQUEST};

/// The default number of calls in flight at once.
pub const DEFAULT_CONCURRENCY: usize = 8;

/// Progress of a bulk job, reported after every finished item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct BulkProgress {
    /// Items finished (succeeded + failed).
    pub done: usize,
    /// Items that failed so far.
    pub failed: usize,
    /// Items in the job.
    pub total: usize,
}

/// A progress callback; called from the task that finished the item, so keep it quick.
pub type ProgressFn = Arc<dyn Fn(BulkProgress) + Send + Sync>;

/// How a bulk job runs.
#[derive(Clone)]
pub struct BulkOptions {
    /// Calls in flight at once (at least 1; default 8).
    pub concurrency: usize,
    /// Called after every finished item.
    pub progress: Option<ProgressFn>,
}

impl Default for BulkOptions {
    fn default() -> Self {
        BulkOptions {
            concurrency: DEFAULT_CONCURRENCY,
            progress: None,
        }
    }
}

impl std::fmt::Debug for BulkOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BulkOptions")
            .field("concurrency", &self.concurrency)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

/// One item's outcome, in the order the items were given.
#[derive(Debug)]
pub struct BulkItem<I, T> {
    /// The input item.
    pub item: I,
    /// What the call returned.
    pub result: Result<T>,
}

/// Runs `op` for every item (given a clone of it), `options.concurrency` at a time, and returns
/// one outcome per item in input order.
pub async fn run<I, T, F, Fut>(items: Vec<I>, options: &BulkOptions, op: F) -> Vec<BulkItem<I, T>>
where
    I: Clone,
    F: Fn(I) -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let total = items.len();
    let done = AtomicUsize::new(0);
    let failed = AtomicUsize::new(0);
    let progress = options.progress.clone();
    let op = &op;
    let (done, failed) = (&done, &failed);
    let progress = &progress;
    let mut out: Vec<(usize, BulkItem<I, T>)> = stream::iter(items.into_iter().enumerate())
        .map(|(i, item)| async move {
            let result = op(item.clone()).await;
            let f = if result.is_err() {
                failed.fetch_add(1, Ordering::Relaxed) + 1
            } else {
                failed.load(Ordering::Relaxed)
            };
            let d = done.fetch_add(1, Ordering::Relaxed) + 1;
            if let Some(p) = progress {
                p(BulkProgress {
                    done: d,
                    failed: f,
                    total,
                });
            }
            (i, BulkItem { item, result })
        })
        .buffer_unordered(options.concurrency.max(1))
        .collect()
        .await;
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, b)| b).collect()
}

/// Bulk forms of the common jobs; get it from [`Client::bulk`].
#[derive(Debug, Clone, Copy)]
pub struct Bulk<'a> {
    pub(crate) client: &'a Client,
}

impl Bulk<'_> {
    /// Enables (`disabled = false`) or disables many subusers.
    pub async fn set_disabled(
        self,
        usernames: Vec<String>,
        disabled: bool,
        options: &BulkOptions,
    ) -> Vec<BulkItem<String, ()>> {
        let c = self.client;
        run(usernames, options, |u| async move {
            c.subusers().set_disabled(&u, disabled).await
        })
        .await
    }

    /// Sets (PUT: creates or replaces) monitor settings for many subusers.
    pub async fn update_monitors(
        self,
        items: Vec<(String, Monitor)>,
        options: &BulkOptions,
    ) -> Vec<BulkItem<(String, Monitor), Monitor>> {
        let c = self.client;
        run(items, options, |(u, m)| async move {
            c.monitor().update(&u, &m).await
        })
        .await
    }

    /// Replaces the IPs of many subusers.
    pub async fn set_ips(
        self,
        items: Vec<(String, Vec<String>)>,
        options: &BulkOptions,
    ) -> Vec<BulkItem<(String, Vec<String>), Vec<String>>> {
        let c = self.client;
        run(items, options, |(u, ips)| async move {
            Ok(c.ips().set(&u, &ips).await?.ips)
        })
        .await
    }

    /// Reputations of any number of subusers, asked in chunks of 100 usernames; one outcome per
    /// chunk.
    pub async fn reputations(
        self,
        usernames: Vec<String>,
        options: &BulkOptions,
    ) -> Vec<BulkItem<Vec<String>, Vec<Reputation>>> {
        let chunks: Vec<Vec<String>> = usernames
            .chunks(MAX_USERNAMES_PER_REQUEST)
            .map(<[String]>::to_vec)
            .collect();
        let c = self.client;
        run(chunks, options, |names| async move {
            c.reputations().list(&names).await
        })
        .await
    }
}
