//! Network settings: an explicit proxy and a CA bundle, against real local servers (a TCP
//! proxy that records what it is asked, a TLS server whose certificate only `tests/tls/ca.pem`
//! vouches for).

use std::path::PathBuf;
use std::sync::Arc;

use sendgrid_admin::{Client, ClientConfig, ErrorKind};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const KEY: &str = "SG.network-test-key";
const PROFILE: &str = r#"{"username":"ada","user_id":7}"#;

fn tls_file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/tls")
        .join(name)
}

fn answer(body: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// Reads one request head from `s`.
async fn head<S: AsyncReadExt + Unpin>(s: &mut S) -> String {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match s.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    String::from_utf8_lossy(&buf).into_owned()
}

/// A proxy that answers every request itself and reports each request head it saw.
async fn proxy() -> (String, tokio::sync::mpsc::UnboundedReceiver<String>) {
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = l.accept().await {
            let seen = head(&mut s).await;
            let reply = if seen.starts_with("CONNECT") {
                // Refuse tunnels: the test only needs to see that one was asked for.
                "HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n".to_owned()
            } else {
                answer(PROFILE)
            };
            let _ = tx.send(seen);
            let _ = s.write_all(reply.as_bytes()).await;
        }
    });
    (url, rx)
}

#[tokio::test]
async fn requests_go_through_the_explicit_proxy() {
    let (proxy_url, mut seen) = proxy().await;
    // Nothing listens on the base URL's port: only the proxy can answer.
    let c = Client::builder()
        .api_key(KEY)
        .base_url("http://127.0.0.1:9")
        .proxy(proxy_url.clone())
        .build()
        .unwrap();
    let me = c.user().username().await.unwrap();
    assert_eq!(me.username, "ada");
    let req = seen.recv().await.unwrap();
    assert!(
        req.starts_with("GET http://127.0.0.1:9/v3/user/username HTTP/1.1"),
        "{req}"
    );
    assert!(req.to_ascii_lowercase().contains(&format!(
        "authorization: bearer {}",
        KEY.to_ascii_lowercase()
    )));

    // To SendGrid itself (https) the proxy is asked for a tunnel: the key stays inside TLS.
    let c = Client::builder()
        .api_key(KEY)
        .proxy(proxy_url)
        .max_retries(0)
        .build()
        .unwrap();
    let e = c.user().username().await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport);
    let req = seen.recv().await.unwrap();
    assert!(req.starts_with("CONNECT api.sendgrid.com:443"), "{req}");
    assert!(
        !req.contains(KEY),
        "the key never reaches the proxy in clear text"
    );
}

/// A TLS server on 127.0.0.1 with the test certificate; answers every request alike.
async fn tls_server() -> String {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs = CertificateDer::pem_file_iter(tls_file("server.pem"))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_file(tls_file("server.key")).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("https://{}", l.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((s, _)) = l.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                if let Ok(mut s) = acceptor.accept(s).await {
                    head(&mut s).await;
                    let _ = s.write_all(answer(PROFILE).as_bytes()).await;
                    let _ = s.shutdown().await;
                }
            });
        }
    });
    url
}

#[tokio::test]
async fn a_ca_bundle_adds_trust_and_without_it_the_certificate_is_refused() {
    let url = tls_server().await;
    let trusted = Client::builder()
        .api_key(KEY)
        .base_url(url.clone())
        .ca_bundle(tls_file("ca.pem"))
        .build()
        .unwrap();
    let me = trusted.user().username().await.unwrap();
    assert_eq!(me.user_id, 7);

    let untrusted = Client::builder()
        .api_key(KEY)
        .base_url(url)
        .max_retries(0)
        .build()
        .unwrap();
    let e = untrusted.user().username().await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport);
    assert!(e.to_string().to_lowercase().contains("certificate"), "{e}");
}

#[test]
fn bad_network_settings_are_invalid_input_naming_the_field() {
    let cfg = |proxy: Option<&str>, ca: Option<PathBuf>| ClientConfig {
        api_key: Some(KEY.into()),
        proxy: proxy.map(Into::into),
        ca_bundle: ca.map(|p| p.display().to_string()),
        ..Default::default()
    };
    for bad in [
        "not a url",
        "ftp://proxy:21",
        "socks5://127.0.0.1:1080",
        "http://",
    ] {
        let e = cfg(Some(bad), None).build().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{bad}");
        assert_eq!(e.info().field.as_deref(), Some("proxy"), "{bad}");
    }
    let secret = "http://ops:hunter2@proxy.internal:3128";
    let e = cfg(Some("http://ops:hunter2@"), None).build().unwrap_err();
    assert!(!e.to_string().contains("hunter2"));
    assert!(!format!("{:?}", cfg(Some(secret), None)).contains("hunter2"));
    let built = cfg(Some(secret), None).build().unwrap();
    assert!(!format!("{built:?}").contains("hunter2"));

    let missing = tls_file("no-such.pem");
    let e = cfg(None, Some(missing)).build().unwrap_err();
    assert_eq!(e.info().field.as_deref(), Some("ca_bundle"));
    assert!(e.to_string().contains("no-such.pem"), "{e}");
    // A file without any certificate (here: the README) is refused, not silently empty.
    let e = cfg(None, Some(tls_file("README.md"))).build().unwrap_err();
    assert_eq!(e.info().field.as_deref(), Some("ca_bundle"));
    assert!(e.to_string().contains("no PEM certificate"), "{e}");
}
