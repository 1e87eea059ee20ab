//! The README's quick start, run against an in-process sandbox:
//! `cargo run -p sendgrid-admin-sandbox --example quickstart`.

use futures_util::TryStreamExt;
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::subusers::CreateSubuser;
use sendgrid_admin::{Client, OnBehalfOf};
use sendgrid_admin_sandbox::Sandbox;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = Sandbox::start().await?;
    let client = Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.url())
        .build()?;
    client
        .subusers()
        .create(&CreateSubuser {
            username: "acme".into(),
            email: "ops@acme.example".into(),
            password: "a long password".into(),
            ips: vec!["192.0.2.10".into()],
            region: None,
            include_region: false,
        })
        .await?;
    client
        .monitor()
        .create("acme", &Monitor::new("audit@acme.example", 1000))
        .await?;
    let everyone: Vec<_> = client
        .subusers()
        .list_all(Default::default())
        .try_collect()
        .await?;
    println!("{} subusers", everyone.len());
    let acme = client.on_behalf_of(OnBehalfOf::subuser("acme"));
    println!("acme's scopes: {:?}", acme.scopes().list().await?);
    Ok(())
}
