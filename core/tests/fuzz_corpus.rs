//! Replays the committed fuzz corpus (`fuzz/corpus/<target>/`, seeded from SendGrid's spec
//! examples and grown by `bash fuzz/run`) through the fuzz targets' bodies on stable, so every
//! input the fuzzer kept stays passing; and pins the one bug the fuzzer found.
mod common;

use std::path::Path;

use common::client;
use sendgrid_admin::{fuzzing, ErrorKind};
use wiremock::MockServer;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        run(&std::fs::read(&path).unwrap());
        n += 1;
    }
    assert!(n > 0, "{target}: empty corpus");
    n
}

#[test]
fn decode_models_corpus() {
    replay("decode_models", fuzzing::decode_models);
}

#[test]
fn error_body_corpus() {
    replay("error_body", fuzzing::error_body);
}

#[test]
fn rate_limit_corpus() {
    replay("rate_limit", fuzzing::rate_limit);
}

#[test]
fn encoders_corpus() {
    replay("encoders", fuzzing::encoders);
}

/// Found by the `encoders` target: `..` as a username made `/v3/subusers/../monitor` reach
/// `/v3/monitor`. Dot-segments are refused before sending, for every named parameter.
#[tokio::test]
async fn dot_segments_are_refused_before_sending() {
    let s = MockServer::start().await;
    let c = client(&s);
    for name in [".", ".."] {
        let e = c.monitor().delete(name).await.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert_eq!(e.field(), Some("username"));
        let e = c.teammates().delete(name).await.unwrap_err();
        assert_eq!(e.field(), Some("username"));
        let e = c.teammates().delete_pending(name).await.unwrap_err();
        assert_eq!(e.field(), Some("token"));
        let e = c.accounts().state(name).await.unwrap_err();
        assert_eq!(e.field(), Some("account_id"));
        let e = c.api_keys().delete(name).await.unwrap_err();
        assert_eq!(e.field(), Some("api_key_id"));
    }
    fuzzing::encoders(b"..");
    assert!(s.received_requests().await.unwrap_or_default().is_empty());
}
