//! The Rust runner of the cross-language scenarios (`tests/scenarios/*.json`, format in
//! `tests/README.md`). Each scenario starts a sandbox, then runs its steps through the core
//! client and compares results or error kinds with what the file expects.

mod dispatch;

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use sendgrid_admin::{Client, Error, OnBehalfOf, RetryPolicy};
use sendgrid_admin_sandbox::{Sandbox, SandboxConfig};
use serde::Deserialize;
use serde_json::Value;

pub use dispatch::dispatch;

/// A scenario file.
#[derive(Debug, Deserialize)]
pub struct Scenario {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub sandbox: SandboxSpec,
    #[serde(default)]
    pub client: ClientSpec,
    pub steps: Vec<Step>,
}

/// Seed data for the scenario's sandbox (`POST /__sandbox/reset` takes the same fields).
#[derive(Debug, Default, Deserialize)]
pub struct SandboxSpec {
    #[serde(default)]
    pub seed_subusers: usize,
    #[serde(default)]
    pub seed_teammates: usize,
}

/// Client settings; absent fields keep the defaults, except retries, which are off unless set.
#[derive(Debug, Default, Deserialize)]
pub struct ClientSpec {
    pub api_key: Option<String>,
    #[serde(default)]
    pub max_retries: u32,
    pub timeout_ms: Option<u64>,
}

/// One step: an operation, or a sandbox control call.
#[derive(Debug, Deserialize)]
pub struct Step {
    /// `resource.method`, e.g. `subusers.create`.
    pub op: Option<String>,
    #[serde(default)]
    pub args: Value,
    /// `{"subuser": "name"}` or `{"account": "id"}` for this step only.
    pub on_behalf_of: Option<HashMap<String, String>>,
    #[serde(default)]
    pub expect: Expect,
    /// Variables to save from the result: name → dot path (`token`, `0.id`).
    #[serde(default)]
    pub save: HashMap<String, String>,
    /// A control endpoint under `/__sandbox/` (`faults`, `rate-limit`, `reset`), POSTed `body`.
    pub sandbox: Option<String>,
    #[serde(default)]
    pub body: Value,
}

/// What a step must produce. Nothing set = it must succeed.
#[derive(Debug, Default, Deserialize)]
pub struct Expect {
    /// The result contains this JSON (objects: these keys; arrays: same length, item by item).
    pub ok: Option<Value>,
    /// The result is an array of this many items.
    pub count: Option<usize>,
    /// The arrays at these dot paths have these lengths.
    #[serde(default)]
    pub len: HashMap<String, usize>,
    /// Nothing (or null) is at these dot paths.
    #[serde(default)]
    pub absent: Vec<String>,
    /// The error kind (`not_found`, `invalid_input`, ...).
    pub error: Option<String>,
    pub status: Option<u16>,
    /// For invalid input: the field named.
    pub field: Option<String>,
    /// Some error message contains this text.
    pub message: Option<String>,
    /// The error reports this many attempts.
    pub attempts: Option<u32>,
}

/// `true` when `got` contains everything in `want`.
pub fn contains(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => w
            .iter()
            .all(|(k, wv)| g.get(k).is_some_and(|gv| contains(gv, wv))),
        (Value::Array(g), Value::Array(w)) => {
            g.len() == w.len() && g.iter().zip(w).all(|(a, b)| contains(a, b))
        }
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        _ => got == want,
    }
}

fn lookup<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.')
        .filter(|p| !p.is_empty())
        .try_fold(v, |cur, p| match p.parse::<usize>() {
            Ok(i) => cur.get(i),
            Err(_) => cur.get(p),
        })
}

/// Replaces `"${name}"` strings with saved values.
fn substitute(v: &Value, vars: &HashMap<String, Value>) -> Value {
    match v {
        Value::String(s) if s.starts_with("${") && s.ends_with('}') => vars
            .get(&s[2..s.len() - 1])
            .cloned()
            .unwrap_or_else(|| v.clone()),
        Value::Array(a) => Value::Array(a.iter().map(|x| substitute(x, vars)).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| (k.clone(), substitute(x, vars)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// At most 300 characters of a JSON value, for messages.
fn short(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(300) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

fn check(
    step: usize,
    op: &str,
    result: Result<Value, Error>,
    e: &Expect,
    vars: &HashMap<String, Value>,
) -> Result<Value, String> {
    let at = format!("step {step} ({op})");
    match result {
        Ok(v) => {
            if let Some(kind) = &e.error {
                return Err(format!("{at}: expected a {kind} error, got {}", short(&v)));
            }
            if let Some(want) = &e.ok {
                let want = substitute(want, vars);
                if !contains(&v, &want) {
                    return Err(format!(
                        "{at}: result {} does not contain {want}",
                        short(&v)
                    ));
                }
            }
            for (path, n) in &e.len {
                let got = lookup(&v, path).and_then(Value::as_array).map(Vec::len);
                if got != Some(*n) {
                    return Err(format!("{at}: expected {n} items at {path}, got {got:?}"));
                }
            }
            for path in &e.absent {
                if lookup(&v, path).is_some_and(|x| !x.is_null()) {
                    return Err(format!("{at}: expected nothing at {path} in {}", short(&v)));
                }
            }
            if let Some(n) = e.count {
                let got = v.as_array().map(Vec::len);
                if got != Some(n) {
                    return Err(format!("{at}: expected {n} items, got {got:?}"));
                }
            }
            Ok(v)
        }
        Err(err) => {
            let Some(kind) = &e.error else {
                return Err(format!("{at}: unexpected error: {err}"));
            };
            if err.kind().as_str() != kind {
                return Err(format!("{at}: expected {kind}, got {} ({err})", err.kind()));
            }
            if e.status.is_some() && err.status() != e.status {
                return Err(format!(
                    "{at}: expected status {:?}, got {:?}",
                    e.status,
                    err.status()
                ));
            }
            if e.field.is_some() && err.field() != e.field.as_deref() {
                return Err(format!(
                    "{at}: expected field {:?}, got {:?}",
                    e.field,
                    err.field()
                ));
            }
            if let Some(m) = &e.message {
                let text = err.to_string();
                if !text.contains(m.as_str())
                    && !err.errors().iter().any(|d| d.message.contains(m.as_str()))
                {
                    return Err(format!("{at}: no message contains {m:?}: {text}"));
                }
            }
            if e.attempts.is_some() && Some(err.attempts()) != e.attempts {
                return Err(format!(
                    "{at}: expected {:?} attempts, got {}",
                    e.attempts,
                    err.attempts()
                ));
            }
            Ok(Value::Null)
        }
    }
}

/// Runs one scenario file against a fresh in-process sandbox.
pub async fn run_file(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let sc: Scenario =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let sb = Sandbox::start_with(SandboxConfig {
        port: 0,
        seed_subusers: sc.sandbox.seed_subusers,
        seed_teammates: sc.sandbox.seed_teammates,
        ..Default::default()
    })
    .await
    .map_err(|e| e.to_string())?;
    let mut b = Client::builder()
        .api_key(
            sc.client
                .api_key
                .clone()
                .unwrap_or_else(|| sb.api_key().to_string()),
        )
        .base_url(sb.url())
        .retry_policy(RetryPolicy {
            initial_backoff: Duration::from_millis(20),
            ..RetryPolicy::with_max_retries(sc.client.max_retries)
        });
    if let Some(ms) = sc.client.timeout_ms {
        b = b.timeout(Duration::from_millis(ms));
    }
    let client = b.build().map_err(|e| format!("client: {e}"))?;
    let http = http();
    let mut vars: HashMap<String, Value> = HashMap::new();
    for (i, step) in sc.steps.iter().enumerate() {
        let n = i + 1;
        if let Some(ctl) = &step.sandbox {
            let r = http
                .post(format!("{}/__sandbox/{ctl}", sb.url()))
                .json(&step.body)
                .send()
                .await
                .map_err(|e| format!("step {n}: sandbox {ctl}: {e}"))?;
            if !r.status().is_success() {
                return Err(format!("step {n}: sandbox {ctl} answered {}", r.status()));
            }
            continue;
        }
        let op = step
            .op
            .as_deref()
            .ok_or(format!("step {n}: neither op nor sandbox"))?;
        let named = |s: &String| match substitute(&Value::String(s.clone()), &vars) {
            Value::String(x) => x,
            other => other.to_string(),
        };
        let c = match &step.on_behalf_of {
            None => client.clone(),
            Some(m) => match (m.get("subuser").map(named), m.get("account").map(named)) {
                (Some(s), _) => client.on_behalf_of(OnBehalfOf::subuser(s)),
                (_, Some(a)) => client.on_behalf_of(OnBehalfOf::account(a)),
                _ => return Err(format!("step {n}: on_behalf_of needs subuser or account")),
            },
        };
        let args = substitute(&step.args, &vars);
        let result = dispatch(&c, op, &args).await;
        let v = check(n, op, result, &step.expect, &vars)?;
        for (name, path) in &step.save {
            let got = lookup(&v, path)
                .ok_or(format!("step {n}: nothing at {path:?} in {}", short(&v)))?;
            vars.insert(name.clone(), got.clone());
        }
    }
    Ok(())
}

/// A plain HTTP client for the sandbox's control endpoints. reqwest is built without a bundled
/// crypto provider and the core no longer installs one globally, so the test (the host
/// application here) chooses ring.
fn http() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}

/// The Rust runner's operations (the arms of `dispatch`) are exactly those of
/// `tests/operations.json`, the manifest the Python, Node and Kotlin runners call from.
pub fn check_manifest() -> Result<(), String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("operations.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| format!("operations.json: {e}"))?;
    let listed: std::collections::BTreeSet<String> = doc["operations"]
        .as_object()
        .ok_or("operations.json: no \"operations\" object")?
        .keys()
        .cloned()
        .collect();
    let handled: std::collections::BTreeSet<String> = include_str!("dispatch.rs")
        .split('"')
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| w[1].trim_start().starts_with("=>") && w[0].contains('.'))
        .map(|w| w[0].to_string())
        .collect();
    if listed == handled {
        return Ok(());
    }
    Err(format!(
        "only in operations.json: {:?}; only in dispatch.rs: {:?}",
        listed.difference(&handled).collect::<Vec<_>>(),
        handled.difference(&listed).collect::<Vec<_>>()
    ))
}
