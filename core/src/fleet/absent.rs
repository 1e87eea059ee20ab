//! Without the `redis-store` feature (e.g. the mobile builds): a store URL is refused when the
//! client is built, and nothing else changes.

use std::time::{Duration, SystemTime};

use crate::error::{Error, Result};
use crate::ratelimit::RateLimit;

/// Never made: [`SharedPacer::new`] refuses every URL in this build.
#[derive(Debug)]
pub(crate) struct SharedPacer {
    _never: (),
}

/// Never made.
#[derive(Debug)]
pub(crate) struct SharedPermit<'a> {
    _pacer: &'a SharedPacer,
}

impl SharedPacer {
    pub(crate) fn new(_url: &str, _key: &str, _base: &str, _ttl: Duration) -> Result<Self> {
        Err(Error::invalid(
            "rate_limit_store",
            "this build of sendgrid-admin has no Redis support (cargo feature redis-store)",
        ))
    }

    pub(crate) fn fresh(&self) -> Self {
        SharedPacer { _never: () }
    }

    pub(crate) async fn acquire(&self, _max_wait: Duration) -> Option<SharedPermit<'_>> {
        None
    }
}

impl SharedPermit<'_> {
    pub(crate) async fn finish(self, _rl: Option<&RateLimit>, _now: SystemTime) {}
}
