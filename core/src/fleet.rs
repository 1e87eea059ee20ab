//! Pacing shared by a fleet: many processes (and hosts) using one API key keep the pacer's
//! state — the smallest `Remaining` of the current window, when it resets, and every request in
//! flight — in Redis instead of in each process, so together they stay inside SendGrid's
//! window as one client would. The same rules as the local pacer (`pacing.rs`), run atomically
//! in two Lua scripts on the Redis server, with Redis' own clock (`TIME`) as the fleet's clock.
//!
//! Requests in flight are members of a sorted set scored by an expiry, so a process that dies
//! mid-request frees its places after the request timeout. When Redis cannot be reached the
//! client paces locally, says so once (a `tracing` warning), and tries Redis again a few
//! seconds later: no request waits on, or fails because of, the store.

#[cfg(feature = "redis-store")]
mod store;
#[cfg(feature = "redis-store")]
pub(crate) use store::{SharedPacer, SharedPermit};

#[cfg(not(feature = "redis-store"))]
mod absent;
#[cfg(not(feature = "redis-store"))]
pub(crate) use absent::{SharedPacer, SharedPermit};
