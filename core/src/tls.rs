//! The HTTP connection pool and its TLS settings (rustls with the platform's verifier).

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::error::{Error, Result};

/// The connection pool: the given timeouts, no redirects, TLS from [`tls_config`].
pub(crate) fn http_client(
    connect_timeout: Duration,
    timeout: Duration,
    ua: &str,
) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls_config()?)
        .connect_timeout(connect_timeout)
        .timeout(timeout)
        .user_agent(ua)
        // Never follow redirects: the Authorization header must only reach the API host.
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| Error::Transport {
            method: String::new(),
            path: String::new(),
            reason: format!("could not build the HTTP client: {e}"),
            attempts: 0,
        })
}

fn tls_failure(e: impl fmt::Display) -> Error {
    Error::Transport {
        method: String::new(),
        path: String::new(),
        reason: format!("could not set up TLS: {e}"),
        attempts: 0,
    }
}

/// The certificate verifier: the platform's own (macOS/iOS Security framework, Windows CryptoAPI,
/// the system's CA store on Linux) through rustls-platform-verifier.
#[cfg(not(target_os = "android"))]
fn verifier(
    provider: Arc<rustls::crypto::CryptoProvider>,
) -> Result<Arc<dyn rustls::client::danger::ServerCertVerifier>> {
    let v = rustls_platform_verifier::Verifier::new(provider).map_err(tls_failure)?;
    Ok(Arc::new(v))
}

/// On Android the platform verifier needs the app to hand it a JVM context first; instead the
/// library carries Mozilla's root certificates (webpki-roots), so an app verifies SendGrid's
/// certificate with no setup beyond adding the dependency.
#[cfg(target_os = "android")]
fn verifier(
    provider: Arc<rustls::crypto::CryptoProvider>,
) -> Result<Arc<dyn rustls::client::danger::ServerCertVerifier>> {
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let v = rustls::client::WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
        .build()
        .map_err(tls_failure)?;
    Ok(v)
}

/// The TLS settings: ring as the crypto provider and [`verifier`], passed to this client only
/// (no process-global provider is installed, so the host application's own TLS choices are
/// untouched).
fn tls_config() -> Result<rustls::ClientConfig> {
    let fail = tls_failure;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = verifier(provider.clone())?;
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(fail)?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}
