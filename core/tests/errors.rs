//! One test per error kind, invalid input that never reaches the wire, on-behalf-of scoping,
//! path encoding and API-key redaction.
mod common;

use std::time::Duration;

use common::{client, expect, Wire, KEY};
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::subusers::{CreateSubuser, ListSubusers};
use sendgrid_admin::teammates::{InviteTeammate, ListTeammates, Permissions, SubuserAccessQuery};
use sendgrid_admin::{Client, Error, ErrorKind, OnBehalfOf, Region, RetryPolicy};
use serde_json::json;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn answering(status: u16, body: serde_json::Value, headers: &[(&str, String)]) -> MockServer {
    let s = MockServer::start().await;
    let mut t = ResponseTemplate::new(status).set_body_json(body);
    for (k, v) in headers {
        t = t.insert_header(*k, v.as_str());
    }
    Mock::given(any()).respond_with(t).mount(&s).await;
    s
}

async fn err_of(s: &MockServer) -> Error {
    client(s).monitor().get("acme").await.unwrap_err()
}

#[tokio::test]
async fn bad_request_carries_errors_request_id_and_rate_limit() {
    let s = answering(
        400,
        json!({"errors": [{"field": "email", "message": "Email is required", "help": {"url": "https://x"}}], "id": "body-id"}),
        &[("x-ratelimit-limit", "600".into()), ("x-ratelimit-remaining", "599".into()), ("x-ratelimit-reset", "9999999999".into())],
    )
    .await;
    let e = err_of(&s).await;
    assert_eq!(e.kind(), ErrorKind::BadRequest);
    assert_eq!(e.status(), Some(400));
    assert_eq!(e.errors()[0].field.as_deref(), Some("email"));
    assert_eq!(e.errors()[0].message, "Email is required");
    assert!(e.errors()[0].help.is_some());
    assert_eq!(e.request_id(), Some("body-id"));
    let rl = e.rate_limit().unwrap();
    assert_eq!((rl.limit, rl.remaining), (Some(600), Some(599)));
    assert_eq!(e.attempts(), 1);
    assert!(
        e.to_string()
            .contains("GET /v3/subusers/acme/monitor answered 400: email: Email is required"),
        "{e}"
    );
}

#[tokio::test]
async fn each_status_maps_to_its_kind() {
    for (status, kind) in [
        (401, ErrorKind::Unauthorized),
        (403, ErrorKind::Forbidden),
        (404, ErrorKind::NotFound),
        (406, ErrorKind::BadRequest),
        (500, ErrorKind::Server),
        (503, ErrorKind::Server),
    ] {
        let s = answering(
            status,
            json!({"errors": [{"field": "null", "message": "m"}]}),
            &[("x-request-id", "rid-1".into())],
        )
        .await;
        let e = err_of(&s).await;
        assert_eq!(e.kind(), kind, "status {status}");
        assert_eq!(e.request_id(), Some("rid-1"));
        assert_eq!(
            e.errors()[0].field,
            None,
            "the string \"null\" means no field"
        );
    }
}

#[tokio::test]
async fn rate_limited_reports_when_to_retry() {
    let s = answering(
        429,
        json!({"errors": [{"field": null, "message": "too many requests"}]}),
        &[("x-ratelimit-reset", "7".into())],
    )
    .await;
    let e = err_of(&s).await;
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    assert_eq!(e.retry_after(), Some(Duration::from_secs(7)));
}

#[tokio::test]
async fn other_error_shapes_are_read() {
    let s = answering(400, json!({"error": "bad thing"}), &[]).await;
    assert_eq!(err_of(&s).await.errors()[0].message, "bad thing");
    let s = answering(
        400,
        json!([{"message": "sso says no", "field": null, "error_id": "x"}]),
        &[],
    )
    .await;
    assert_eq!(err_of(&s).await.errors()[0].message, "sso says no");
    let s = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(502).set_body_string("<html>Bad gateway</html>"))
        .mount(&s)
        .await;
    let e = err_of(&s).await;
    assert_eq!(
        (e.kind(), e.errors()[0].message.as_str()),
        (ErrorKind::Server, "<html>Bad gateway</html>")
    );
}

#[tokio::test]
async fn decode_error_has_an_excerpt() {
    let s = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"email\": \"a@b.co\", \"frequ"))
        .mount(&s)
        .await;
    let e = err_of(&s).await;
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert_eq!(e.status(), Some(200));
    assert!(e.to_string().contains("frequ"), "{e}");
    let s = answering(200, json!({"email": "a@b.co"}), &[]).await;
    assert_eq!(
        err_of(&s).await.kind(),
        ErrorKind::Decode,
        "missing frequency"
    );
}

#[tokio::test]
async fn timeout_fires() {
    let s = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(3)))
        .mount(&s)
        .await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(s.uri())
        .timeout(Duration::from_millis(200))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let e = c.monitor().get("acme").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
}

#[tokio::test]
async fn transport_error_when_nothing_listens() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let c = Client::builder()
        .api_key(KEY)
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let e = c.subusers().list(&Default::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport);
    assert!(!e.to_string().contains(KEY));
}

/// A server that fails the test if any request reaches it.
async fn silent() -> MockServer {
    let s = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&s)
        .await;
    s
}

fn field_of(e: Error) -> String {
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
    e.field().unwrap().to_string()
}

#[tokio::test]
async fn invalid_input_is_refused_before_sending() {
    let s = silent().await;
    let c = client(&s);
    let sub = |username: &str, email: &str, ips: &[&str]| CreateSubuser {
        username: username.into(),
        email: email.into(),
        password: "pw-123456".into(),
        ips: ips.iter().map(|s| s.to_string()).collect(),
        region: None,
        include_region: false,
    };
    assert_eq!(
        field_of(
            c.subusers()
                .create(&sub("", "a@b.co", &[]))
                .await
                .unwrap_err()
        ),
        "username"
    );
    assert_eq!(
        field_of(
            c.subusers()
                .create(&sub(&"x".repeat(65), "a@b.co", &[]))
                .await
                .unwrap_err()
        ),
        "username"
    );
    assert_eq!(
        field_of(
            c.subusers()
                .create(&sub("acme", "not-an-email", &[]))
                .await
                .unwrap_err()
        ),
        "email"
    );
    let e = c
        .subusers()
        .create(&sub("acme", "a@b.co", &["192.0.2.1", "10.0.0.256"]))
        .await
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid ips[1]: \"10.0.0.256\" is not an IPv4 address"
    );
    assert_eq!(
        field_of(c.ips().set("acme", &["::1".into()]).await.unwrap_err()),
        "ips[0]"
    );
    let m = Monitor::new("a@b.co", 0);
    assert_eq!(
        field_of(c.monitor().create("acme", &m).await.unwrap_err()),
        "monitor.frequency"
    );
    let lim = ListSubusers {
        limit: Some(0),
        ..Default::default()
    };
    assert_eq!(
        field_of(c.subusers().list(&lim).await.unwrap_err()),
        "limit"
    );
    let lim = ListTeammates {
        limit: Some(501),
        offset: None,
    };
    assert_eq!(
        field_of(c.teammates().list(&lim).await.unwrap_err()),
        "limit"
    );
    let q = SubuserAccessQuery {
        limit: Some(0),
        ..Default::default()
    };
    assert_eq!(
        field_of(c.teammates().subuser_access("t1", &q).await.unwrap_err()),
        "limit"
    );
    assert_eq!(
        field_of(c.reputations().list(&[]).await.unwrap_err()),
        "usernames"
    );
    // The permission rule, both ways, for updates and invitations.
    let admin_with_scopes = Permissions {
        scopes: vec!["a.read".into()],
        is_admin: true,
    };
    assert_eq!(
        field_of(
            c.teammates()
                .update_permissions("t1", &admin_with_scopes)
                .await
                .unwrap_err()
        ),
        "scopes"
    );
    let no_scopes = Permissions {
        scopes: vec![],
        is_admin: false,
    };
    assert_eq!(
        field_of(
            c.teammates()
                .update_permissions("t1", &no_scopes)
                .await
                .unwrap_err()
        ),
        "scopes"
    );
    let inv = InviteTeammate {
        email: "n@x.io".into(),
        scopes: vec![],
        is_admin: false,
    };
    assert_eq!(
        field_of(c.teammates().invite(&inv).await.unwrap_err()),
        "scopes"
    );
    // CR/LF in on-behalf-of.
    let e = c
        .on_behalf_of(OnBehalfOf::subuser("acme\r\nX-Evil: 1"))
        .scopes()
        .list()
        .await
        .unwrap_err();
    assert_eq!(field_of(e), "on_behalf_of");
    let e = c
        .on_behalf_of(OnBehalfOf::account("4 2"))
        .scopes()
        .list()
        .await
        .unwrap_err();
    assert_eq!(field_of(e), "account_id");
}

#[test]
fn bad_client_settings_are_refused() {
    let f = |b: sendgrid_admin::ClientBuilder| field_of(b.build().unwrap_err());
    assert_eq!(f(Client::builder().api_key("SG.a\r\nb")), "api_key");
    assert_eq!(f(Client::builder().api_key("")), "api_key");
    assert_eq!(
        f(Client::builder().api_key("k").base_url("ftp://x")),
        "base_url"
    );
    assert_eq!(
        f(Client::builder().api_key("k").timeout(Duration::ZERO)),
        "timeout"
    );
    assert_eq!(
        f(Client::builder()
            .api_key("k")
            .on_behalf_of(OnBehalfOf::subuser("a\nb"))),
        "on_behalf_of"
    );
    let e = Client::builder()
        .api_key("SG.secret\nvalue")
        .build()
        .unwrap_err();
    assert!(!e.to_string().contains("secret"));
}

#[test]
fn regions_pick_the_host() {
    let c = Client::builder()
        .api_key("k")
        .region(Region::Eu)
        .build()
        .unwrap();
    assert_eq!(c.base_url(), "https://api.eu.sendgrid.com/");
    let c = Client::builder().api_key("k").build().unwrap();
    assert_eq!(c.base_url(), "https://api.sendgrid.com/");
    assert_eq!(Region::parse("EU").unwrap(), Region::Eu);
    assert!(Region::parse("us").is_err());
}

#[test]
fn api_key_comes_from_the_environment() {
    // The only test touching this variable.
    std::env::set_var("SENDGRID_API_KEY", "SG.from-env");
    let ok = Client::builder().build();
    std::env::remove_var("SENDGRID_API_KEY");
    assert!(ok.is_ok());
    assert_eq!(field_of(Client::builder().build().unwrap_err()), "api_key");
}

#[tokio::test]
async fn the_key_never_shows_in_debug_or_display() {
    let s = answering(
        401,
        json!({"errors": [{"field": null, "message": "authorization required"}]}),
        &[],
    )
    .await;
    let c = client(&s);
    let builder = Client::builder().api_key(KEY);
    let e = err_of(&s).await;
    let sub = CreateSubuser {
        username: "a".into(),
        email: "a@b.co".into(),
        password: "hunter2-secret".into(),
        ips: vec![],
        region: None,
        include_region: false,
    };
    for text in [
        format!("{c:?}"),
        format!("{builder:?}"),
        format!("{e}"),
        format!("{e:?}"),
    ] {
        assert!(!text.contains(KEY) && !text.contains("test-key"), "{text}");
    }
    assert!(!format!("{sub:?}").contains("hunter2"));
}

#[tokio::test]
async fn scoped_calls_do_not_leak_into_the_parent() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/v3/scopes").obo("acme"),
        200,
        Some(json!({"scopes": []})),
    )
    .await;
    let c = client(&s);
    c.on_behalf_of(OnBehalfOf::subuser("acme"))
        .scopes()
        .list()
        .await
        .unwrap();
    s.reset().await;
    expect(
        &s,
        Wire::new("GET", "/v3/scopes"),
        200,
        Some(json!({"scopes": []})),
    )
    .await;
    c.scopes().list().await.unwrap();
    assert!(c.current_on_behalf_of().is_none());
    // A client built with a default can be cleared per call, and re-scoped.
    let default = Client::builder()
        .api_key(KEY)
        .base_url(s.uri())
        .on_behalf_of(OnBehalfOf::subuser("beta"))
        .build()
        .unwrap();
    s.reset().await;
    expect(
        &s,
        Wire::new("GET", "/v3/scopes"),
        200,
        Some(json!({"scopes": []})),
    )
    .await;
    default.as_parent().scopes().list().await.unwrap();
    s.reset().await;
    expect(
        &s,
        Wire::new("GET", "/v3/scopes").obo("beta"),
        200,
        Some(json!({"scopes": []})),
    )
    .await;
    default.scopes().list().await.unwrap();
}

#[tokio::test]
async fn path_parameters_are_one_encoded_segment() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new(
            "GET",
            "/v3/subusers/a%2Fb%3Fc%23d%25e%20f%2F..%2F%C3%A9/monitor",
        ),
        404,
        Some(json!({"errors": []})),
    )
    .await;
    expect(
        &s,
        Wire::new("GET", "/v3/subusers/..%2Fteammates/credits"),
        404,
        Some(json!({"errors": []})),
    )
    .await;
    let c = client(&s);
    let e = c.monitor().get("a/b?c#d%e f/../é").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let e = c.credits().get("../teammates").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn base_url_with_a_path_prefix_is_kept() {
    let s = MockServer::start().await;
    expect(
        &s,
        Wire::new("GET", "/proxy/sg/v3/scopes"),
        200,
        Some(json!({"scopes": ["x"]})),
    )
    .await;
    let c = Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/proxy/sg/", s.uri()))
        .build()
        .unwrap();
    assert_eq!(c.scopes().list().await.unwrap(), vec!["x"]);
}

#[tokio::test]
async fn app_name_goes_in_the_user_agent_after_the_binding() {
    let s = MockServer::start().await;
    Mock::given(wiremock::matchers::header(
        "user-agent",
        format!(
            "sendgrid-admin/{} python billing-sync/2.3",
            env!("CARGO_PKG_VERSION")
        )
        .as_str(),
    ))
    .respond_with(ResponseTemplate::new(200).set_body_json(json!({"username": "me", "user_id": 1})))
    .expect(1)
    .mount(&s)
    .await;
    let c = sendgrid_admin::ClientConfig {
        api_key: Some(KEY.into()),
        base_url: Some(s.uri()),
        user_agent_suffix: Some("python".into()),
        app_name: Some("billing-sync/2.3".into()),
        ..Default::default()
    }
    .build()
    .unwrap();
    c.request("GET", "/v3/user/username", &[], None)
        .await
        .unwrap();
    for bad in ["", "tab\there", "é"] {
        let e = Client::builder()
            .api_key(KEY)
            .app_name(bad)
            .build()
            .unwrap_err();
        assert_eq!(e.field(), Some("app_name"), "{bad:?}");
    }
}

/// A host that does not resolve ends in a transport (or, with a slow resolver, timeout) error,
/// never a hang: the connect timeout bounds the lookup.
#[tokio::test]
async fn dns_failure_is_a_transport_error() {
    let c = Client::builder()
        .api_key(KEY)
        .base_url("https://does-not-exist.invalid")
        .connect_timeout(Duration::from_secs(2))
        .timeout(Duration::from_secs(3))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let e = c
        .subusers()
        .list(&ListSubusers::default())
        .await
        .unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::Transport | ErrorKind::Timeout),
        "{e}"
    );
    assert!(!e.to_string().contains(KEY));
}

#[tokio::test]
async fn a_closed_client_refuses_every_call_and_so_do_its_scoped_clients() {
    let c = Client::builder()
        .api_key(KEY)
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    let scoped = c.on_behalf_of(OnBehalfOf::subuser("acme"));
    assert!(!c.is_closed());
    c.close();
    c.close();
    assert!(scoped.is_closed());
    let e = scoped
        .teammates()
        .list(&ListTeammates::default())
        .await
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (ErrorKind::InvalidInput, Some("client"))
    );
    assert_eq!(e.attempts(), 0);
}
