//! When and how long to wait before trying a failed request again.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBuilder};

/// How failed requests are retried. On by default; [`RetryPolicy::none`] turns retries off.
///
/// - 429: wait until `X-RateLimit-Reset` (epoch or seconds-from-now), at most
///   `max_rate_limit_wait`, plus a little jitter; any method.
/// - 5xx, timeouts, broken connections: exponential backoff with jitter, only for idempotent
///   methods (GET, PUT, PATCH, DELETE).
/// - POST is retried only when it was certainly not processed: 429 or a refused connection.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in total, the first included (1 = no retry).
    pub max_attempts: u32,
    /// The most time spent waiting between attempts, summed over one call.
    pub max_total_wait: Duration,
    /// The first backoff delay for 5xx / timeouts / connection errors.
    pub initial_backoff: Duration,
    /// The largest single backoff delay.
    pub max_backoff: Duration,
    /// The longest single wait for a rate-limit reset.
    pub max_rate_limit_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            max_total_wait: Duration::from_secs(120),
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            max_rate_limit_wait: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// Never retry: every failure is returned after the first attempt.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// The default policy with `retries` retries after the first attempt.
    pub fn with_max_retries(retries: u32) -> Self {
        RetryPolicy {
            max_attempts: retries.saturating_add(1),
            ..RetryPolicy::default()
        }
    }

    pub(crate) fn backoff(&self) -> impl Iterator<Item = Duration> + Send {
        ExponentialBuilder::default()
            .with_min_delay(self.initial_backoff)
            .with_max_delay(self.max_backoff)
            .with_factor(2.0)
            .with_jitter()
            .without_max_times()
            .build()
    }

    /// The wait before retrying a 429 whose reset is `reset_after` away (jitter: up to 10 %,
    /// at most 250 ms, so that clients released together do not all hit the API at once).
    pub(crate) fn rate_limit_wait(&self, reset_after: Duration) -> Duration {
        let base = reset_after.min(self.max_rate_limit_wait);
        let cap = (base / 10).clamp(Duration::from_millis(20), Duration::from_millis(250));
        base + cap.mul_f64(fastrand::f64())
    }
}
