//! The Redis implementation (feature `redis-store`, on by default).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::Script;
use sha2::{Digest, Sha256};
use tokio::sync::OnceCell;
use tokio::time::Instant;

use crate::error::{Error, Result};
use crate::ratelimit::RateLimit;

/// Requests allowed in flight across the fleet while the window is unknown (before the first
/// answer of a window tells how much is left).
const PROBES: u64 = 16;
/// How often a process looks again while the fleet waits for answers.
const POLL: Duration = Duration::from_millis(20);
/// How long the local pacer is used after Redis failed, before Redis is tried again.
const COOLDOWN: Duration = Duration::from_secs(3);

const ACQUIRE: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local id, ttl, force, probes = ARGV[1], tonumber(ARGV[2]), ARGV[3] == '1', tonumber(ARGV[4])
local reset = tonumber(redis.call('HGET', KEYS[1], 'reset') or '0')
local remaining = tonumber(redis.call('HGET', KEYS[1], 'remaining') or '-1')
local inflight = redis.call('ZCARD', KEYS[2])
local go = force
if not go then
  if reset <= now or remaining < 0 then
    if reset > 0 and reset <= now then redis.call('HDEL', KEYS[1], 'reset', 'remaining') end
    go = inflight < probes
    if not go then return {0, -1} end
  elseif remaining > inflight then
    go = true
  elseif inflight > 0 then
    return {0, -1}
  else
    return {0, reset - now}
  end
end
redis.call('ZADD', KEYS[2], now + ttl, id)
redis.call('PEXPIRE', KEYS[2], ttl + 60000)
return {1, 0}
";

const RELEASE: &str = r"
redis.call('ZREM', KEYS[2], ARGV[1])
local remaining, after = tonumber(ARGV[2]), tonumber(ARGV[3])
if remaining < 0 or after <= 0 then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local at = now + after
local cur = tonumber(redis.call('HGET', KEYS[1], 'reset') or '0')
if cur > now and math.abs(cur - at) < 900 then
  local r = tonumber(redis.call('HGET', KEYS[1], 'remaining') or '-1')
  if r < 0 or remaining < r then redis.call('HSET', KEYS[1], 'remaining', remaining) end
elseif cur > now and at < cur then
  return 0
else
  redis.call('HSET', KEYS[1], 'reset', at, 'remaining', remaining)
end
redis.call('PEXPIRE', KEYS[1], after + 60000)
return 1
";

/// The Redis side of pacing for one client (and its clones in this process).
pub(crate) struct SharedPacer {
    client: redis::Client,
    conn: OnceCell<ConnectionManager>,
    state_key: String,
    flight_key: String,
    ttl_ms: u64,
    acquire: Script,
    release: Script,
    /// One task per process talks to Redis to get a place; the others queue here.
    gate: tokio::sync::Mutex<()>,
    down_until: Mutex<Option<Instant>>,
    warned: AtomicBool,
    next_id: AtomicU64,
}

impl std::fmt::Debug for SharedPacer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedPacer")
            .field("state_key", &self.state_key)
            .finish()
    }
}

/// A place in flight held in Redis.
#[derive(Debug)]
pub(crate) struct SharedPermit<'a> {
    pacer: &'a SharedPacer,
    id: String,
    done: bool,
}

impl SharedPacer {
    /// Checks `url` (`redis://` or `rediss://`, as the `redis` crate reads it). Nothing is
    /// connected yet; the key is only hashed into the Redis key names, never stored.
    pub(crate) fn new(url: &str, api_key: &str, base_url: &str, ttl: Duration) -> Result<Self> {
        let client = redis::Client::open(url)
            .ok()
            .filter(|_| {
                url.starts_with("redis://")
                    || url.starts_with("rediss://")
                    || url.starts_with("unix://")
            })
            .ok_or_else(|| {
                Error::invalid(
                    "rate_limit_store",
                    "must be a Redis URL such as redis://127.0.0.1:6379/0",
                )
            })?;
        let mut h = Sha256::new();
        h.update(base_url.as_bytes());
        h.update([0]);
        h.update(api_key.as_bytes());
        let digest = h.finalize();
        let id: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
        let ttl_ms = u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX / 4);
        Ok(Self::with_keys(
            client,
            format!("sendgrid-admin:{{{id}}}:window"),
            format!("sendgrid-admin:{{{id}}}:in-flight"),
            ttl_ms,
        ))
    }

    /// A pacer on `client` with these keys, not connected yet.
    fn with_keys(
        client: redis::Client,
        state_key: String,
        flight_key: String,
        ttl_ms: u64,
    ) -> Self {
        SharedPacer {
            client,
            conn: OnceCell::new(),
            state_key,
            flight_key,
            ttl_ms,
            acquire: Script::new(ACQUIRE),
            release: Script::new(RELEASE),
            gate: tokio::sync::Mutex::new(()),
            down_until: Mutex::new(None),
            warned: AtomicBool::new(false),
            next_id: AtomicU64::new(0),
        }
    }

    /// A copy for a forked child: same store and keys, no connection yet.
    pub(crate) fn fresh(&self) -> Self {
        Self::with_keys(
            self.client.clone(),
            self.state_key.clone(),
            self.flight_key.clone(),
            self.ttl_ms,
        )
    }

    /// Whether Redis is being skipped after a failure.
    fn is_down(&self) -> bool {
        let mut d = self.down_until.lock().unwrap_or_else(|e| e.into_inner());
        match *d {
            Some(until) if Instant::now() < until => true,
            Some(_) => {
                *d = None;
                false
            }
            None => false,
        }
    }

    fn mark_down(&self, e: &redis::RedisError) {
        *self.down_until.lock().unwrap_or_else(|e| e.into_inner()) =
            Some(Instant::now() + COOLDOWN);
        if !self.warned.swap(true, Ordering::Relaxed) {
            tracing::warn!(
                target: "sendgrid_admin",
                error = %e,
                "the rate-limit store (Redis) is unreachable: pacing locally until it is back"
            );
        }
    }

    async fn conn(&self) -> redis::RedisResult<ConnectionManager> {
        self.conn
            .get_or_try_init(|| async {
                let config = ConnectionManagerConfig::new()
                    .set_connection_timeout(Some(Duration::from_millis(500)))
                    .set_response_timeout(Some(Duration::from_millis(1000)))
                    .set_number_of_retries(1);
                ConnectionManager::new_with_config(self.client.clone(), config).await
            })
            .await
            .cloned()
    }

    /// A place in flight from the fleet's budget, waiting as the local pacer would (at most
    /// `max_wait` in all). `None` when Redis is unavailable: the caller paces locally.
    pub(crate) async fn acquire(&self, max_wait: Duration) -> Option<SharedPermit<'_>> {
        if self.is_down() {
            return None;
        }
        let deadline = Instant::now().checked_add(max_wait);
        let _turn = self.gate.lock().await;
        let id = format!(
            "{}-{}",
            std::process::id(),
            self.next_id.fetch_add(1, Ordering::Relaxed)
        );
        loop {
            let force = deadline.is_some_and(|d| Instant::now() >= d);
            let answer: redis::RedisResult<(i64, i64)> = async {
                let mut conn = self.conn().await?;
                self.acquire
                    .key(&self.state_key)
                    .key(&self.flight_key)
                    .arg(&id)
                    .arg(self.ttl_ms)
                    .arg(if force { "1" } else { "0" })
                    .arg(PROBES)
                    .invoke_async(&mut conn)
                    .await
            }
            .await;
            let wait = match answer {
                Err(e) => {
                    self.mark_down(&e);
                    return None;
                }
                Ok((1, _)) => {
                    return Some(SharedPermit {
                        pacer: self,
                        id,
                        done: false,
                    })
                }
                // Waiting for answers: look again soon.
                Ok((_, ms)) if ms < 0 => POLL + Duration::from_millis(fastrand::u64(0..10)),
                // Waiting for the reset, a few ms past it.
                Ok((_, ms)) => Duration::from_millis(ms.unsigned_abs() + 5 + fastrand::u64(0..15)),
            };
            let until = Instant::now() + wait;
            let until = deadline.map_or(until, |d| until.min(d));
            tokio::time::sleep_until(until).await;
        }
    }

    async fn release(&self, id: &str, rl: Option<&RateLimit>, now: SystemTime) {
        let (remaining, after) = rl
            .and_then(|r| Some((r.remaining?, r.reset_after_at(now)?)))
            .map_or((-1i64, -1i64), |(r, a)| {
                (
                    i64::try_from(r).unwrap_or(i64::MAX),
                    i64::try_from(a.as_millis()).unwrap_or(i64::MAX),
                )
            });
        let result: redis::RedisResult<i64> = async {
            let mut conn = self.conn().await?;
            self.release
                .key(&self.state_key)
                .key(&self.flight_key)
                .arg(id)
                .arg(remaining)
                .arg(after)
                .invoke_async(&mut conn)
                .await
        }
        .await;
        if let Err(e) = result {
            self.mark_down(&e);
        }
    }
}

impl SharedPermit<'_> {
    /// Records the answer's headers in the fleet's state and frees the place.
    pub(crate) async fn finish(mut self, rl: Option<&RateLimit>, now: SystemTime) {
        self.done = true;
        self.pacer.release(&self.id, rl, now).await;
    }
}

impl Drop for SharedPermit<'_> {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        // A cancelled call: free the place in the background (or it expires after the ttl).
        if let (Ok(handle), Some(conn)) = (
            tokio::runtime::Handle::try_current(),
            self.pacer.conn.get().cloned(),
        ) {
            let key = self.pacer.flight_key.clone();
            let id = std::mem::take(&mut self.id);
            handle.spawn(async move {
                let mut conn = conn;
                let _: redis::RedisResult<i64> = redis::cmd("ZREM")
                    .arg(key)
                    .arg(id)
                    .query_async(&mut conn)
                    .await;
            });
        }
    }
}
