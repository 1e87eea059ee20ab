//! The body of the `sandbox_requests` fuzz target (`fuzz/`) and of its corpus replay
//! (`sandbox/tests/fuzz_corpus.rs`): an arbitrary request reaches the router in process and
//! gets a complete answer that is never a server error. Not a stable API.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use tower::ServiceExt;

use crate::{router, SandboxConfig, DEFAULT_API_KEY};

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const ACTING: [Option<&str>; 4] = [None, Some("sub00001"), Some("account-id 42"), Some("ghost")];

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a current-thread runtime builds")
    })
}

fn app() -> &'static Router {
    static APP: OnceLock<Router> = OnceLock::new();
    APP.get_or_init(|| {
        router(SandboxConfig {
            seed_subusers: 5,
            seed_teammates: 3,
            customer_accounts: vec!["42".into()],
            ..Default::default()
        })
    })
}

/// `bytes`: a method selector, an on-behalf-of selector, the path and query up to the first
/// newline, then the body.
pub fn request(bytes: &[u8]) {
    static SEEN: AtomicU64 = AtomicU64::new(0);
    let [m, who, rest @ ..] = bytes else { return };
    let (target, body) = match rest.iter().position(|b| *b == b'\n') {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &[][..]),
    };
    let target = String::from_utf8_lossy(target);
    let path = if target.starts_with('/') {
        target.into_owned()
    } else {
        format!("/v3/{target}")
    };
    let mut req = Request::builder()
        .method(METHODS[*m as usize % METHODS.len()])
        .uri(path)
        .header("authorization", format!("Bearer {DEFAULT_API_KEY}"))
        .header("content-type", "application/json");
    if let Some(obo) = ACTING[*who as usize % ACTING.len()] {
        req = req.header("on-behalf-of", obo);
    }
    let Ok(req) = req.body(Body::from(body.to_vec())) else {
        return;
    };
    // The control endpoints change faults and limits: they are not the API under test.
    if req.uri().path().starts_with("/__sandbox") {
        return;
    }
    let status = runtime().block_on(async {
        // A fresh world now and then, so a long run's state stays small.
        if SEEN.fetch_add(1, Ordering::Relaxed) % 1000 == 999 {
            let reset = Request::post("/__sandbox/reset").body(Body::empty());
            if let Ok(r) = reset {
                let _ = app().clone().oneshot(r).await;
            }
        }
        let resp = app()
            .clone()
            .oneshot(req)
            .await
            .expect("the router is infallible");
        let status = resp.status();
        let _ = axum::body::to_bytes(resp.into_body(), 16 << 20).await;
        status
    });
    assert!(!status.is_server_error(), "{status}");
}
