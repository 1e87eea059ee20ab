//! `sendgrid-admin request METHOD PATH [--query NAME=VALUE]... [--body JSON]`: any SendGrid
//! endpoint, with the same key, on-behalf-of, retries and errors as the other commands.

use sendgrid_admin::{Client, Error};

use crate::output::{print, Format};

/// Any SendGrid endpoint this tool has no command for.
#[derive(clap::Args)]
pub struct Args {
    /// GET, POST, PUT, PATCH or DELETE.
    method: String,
    /// The path as SendGrid documents it, e.g. /v3/user/account.
    path: String,
    /// A query parameter NAME=VALUE (repeat for more).
    #[arg(long = "query", value_name = "NAME=VALUE")]
    query: Vec<String>,
    /// The JSON body.
    #[arg(long, value_name = "JSON")]
    body: Option<String>,
}

pub async fn run(client: &Client, a: Args, format: Format) -> Result<(), Error> {
    let query = a
        .query
        .iter()
        .map(|q| {
            q.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .ok_or_else(|| Error::invalid("query", format!("{q:?} is not NAME=VALUE")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let body = a
        .body
        .map(|b| {
            serde_json::from_str::<serde_json::Value>(&b)
                .map_err(|e| Error::invalid("body", format!("is not JSON: {e}")))
        })
        .transpose()?;
    let v = client
        .request(&a.method, &a.path, &query, body.as_ref())
        .await?;
    print(&v, format);
    Ok(())
}
