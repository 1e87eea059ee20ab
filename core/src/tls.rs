//! The HTTP connection pool and its network settings: TLS (rustls with the platform's verifier,
//! plus a caller's CA bundle) and an explicit proxy.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;

use crate::error::{Error, Result};

/// The network settings a caller gave, unchecked (see [`Network::check`]).
#[derive(Clone, Default)]
pub(crate) struct Network {
    /// Proxy URL (may hold credentials: never shown).
    pub(crate) proxy: Option<String>,
    /// PEM file of extra certificate authorities.
    pub(crate) ca_bundle: Option<PathBuf>,
}

impl fmt::Debug for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Network")
            .field("proxy", &self.proxy.as_ref().map(|_| "<set>"))
            .field("ca_bundle", &self.ca_bundle)
            .finish()
    }
}

/// Checked network settings, kept by the client so a forked child builds the same pool.
#[derive(Clone, Default)]
pub(crate) struct CheckedNetwork {
    proxy: Option<reqwest::Proxy>,
    extra_roots: Vec<CertificateDer<'static>>,
}

impl Network {
    /// Parses the proxy URL and reads the CA bundle; each problem is an `invalid_input` naming
    /// `proxy` or `ca_bundle` (never echoing the proxy URL, which may hold a password).
    pub(crate) fn check(&self) -> Result<CheckedNetwork> {
        let proxy = match &self.proxy {
            None => None,
            Some(raw) => {
                let bad = || {
                    Error::invalid(
                        "proxy",
                        "must be an http:// or https:// URL with a host, e.g. \
                         http://proxy.internal:3128",
                    )
                };
                let url = reqwest::Url::parse(raw.trim()).map_err(|_| bad())?;
                if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
                    return Err(bad());
                }
                Some(reqwest::Proxy::all(url).map_err(|_| bad())?)
            }
        };
        let extra_roots = match &self.ca_bundle {
            None => Vec::new(),
            Some(path) => read_ca_bundle(path)?,
        };
        Ok(CheckedNetwork { proxy, extra_roots })
    }
}

/// The certificates of a PEM file: at least one, each well-formed.
fn read_ca_bundle(path: &std::path::Path) -> Result<Vec<CertificateDer<'static>>> {
    let shown = path.display();
    let bytes = std::fs::read(path)
        .map_err(|e| Error::invalid("ca_bundle", format!("could not read {shown}: {e}")))?;
    let certs = CertificateDer::pem_slice_iter(&bytes)
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| {
            Error::invalid(
                "ca_bundle",
                format!("{shown} is not a PEM certificate file: {e}"),
            )
        })?;
    if certs.is_empty() {
        return Err(Error::invalid(
            "ca_bundle",
            format!("{shown} holds no PEM certificate (-----BEGIN CERTIFICATE-----)"),
        ));
    }
    Ok(certs)
}

/// The connection pool: the given timeouts, no redirects, TLS from [`tls_config`], the
/// caller's proxy if any.
pub(crate) fn http_client(
    connect_timeout: Duration,
    timeout: Duration,
    ua: &str,
    network: &CheckedNetwork,
) -> Result<reqwest::Client> {
    let mut b = reqwest::Client::builder();
    if let Some(p) = &network.proxy {
        b = b.proxy(p.clone());
    }
    b.tls_backend_preconfigured(tls_config(&network.extra_roots)?)
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
    extra_roots: &[CertificateDer<'static>],
) -> Result<Arc<dyn rustls::client::danger::ServerCertVerifier>> {
    let v = if extra_roots.is_empty() {
        rustls_platform_verifier::Verifier::new(provider)
    } else {
        rustls_platform_verifier::Verifier::new_with_extra_roots(extra_roots.to_vec(), provider)
    }
    .map_err(tls_failure)?;
    Ok(Arc::new(v))
}

/// On Android the platform verifier needs the app to hand it a JVM context first; instead the
/// library carries Mozilla's root certificates (webpki-roots), so an app verifies SendGrid's
/// certificate with no setup beyond adding the dependency.
#[cfg(target_os = "android")]
fn verifier(
    provider: Arc<rustls::crypto::CryptoProvider>,
    extra_roots: &[CertificateDer<'static>],
) -> Result<Arc<dyn rustls::client::danger::ServerCertVerifier>> {
    let mut roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    for c in extra_roots {
        roots.add(c.clone()).map_err(tls_failure)?;
    }
    let v = rustls::client::WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
        .build()
        .map_err(tls_failure)?;
    Ok(v)
}

/// The TLS settings: ring as the crypto provider and [`verifier`], passed to this client only
/// (no process-global provider is installed, so the host application's own TLS choices are
/// untouched).
fn tls_config(extra_roots: &[CertificateDer<'static>]) -> Result<rustls::ClientConfig> {
    let fail = tls_failure;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = verifier(provider.clone(), extra_roots)?;
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(fail)?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}
