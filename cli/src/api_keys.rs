//! `sendgrid-admin api-keys ...`: keys of the account the CLI acts as (--on-behalf-of /
//! --account-id for a subuser's or customer account's own keys).

use clap::Subcommand;
use sendgrid_admin::{Client, Error};
use serde_json::json;

use crate::done;
use crate::output::{print, Format};

#[derive(Subcommand)]
pub enum Cmd {
    /// Create a key; prints its secret (`api_key`), shown by SendGrid this once.
    Create {
        /// The key's name.
        name: String,
        /// A scope (repeatable); none: SendGrid's default.
        #[arg(long = "scope")]
        scopes: Vec<String>,
    },
    /// List the keys (ids and names).
    List {
        /// Page size.
        #[arg(long)]
        limit: Option<u32>,
    },
    /// Rename a key and replace its scopes.
    Update {
        /// The key's id.
        api_key_id: String,
        /// The key's name.
        name: String,
        /// A scope of the key (repeat the flag for more).
        #[arg(long = "scope")]
        scopes: Vec<String>,
    },
    /// Revoke a key.
    Delete {
        /// The key's id.
        api_key_id: String,
    },
}

pub async fn run(c: &Client, cmd: Cmd, f: Format) -> Result<(), Error> {
    let k = c.api_keys();
    match cmd {
        Cmd::Create { name, scopes } => {
            let scopes = (!scopes.is_empty()).then_some(scopes);
            let created = k.create(&name, scopes.as_deref()).await?;
            // The one place the secret is printed: the user asked for it.
            print(
                &json!({"api_key": created.api_key, "api_key_id": created.api_key_id,
                        "name": created.name, "scopes": created.scopes}),
                f,
            );
        }
        Cmd::List { limit } => print(&k.list(limit).await?, f),
        Cmd::Update {
            api_key_id,
            name,
            scopes,
        } => print(&k.update(&api_key_id, &name, &scopes).await?, f),
        Cmd::Delete { api_key_id } => {
            k.delete(&api_key_id).await?;
            print(&done(), f);
        }
    }
    Ok(())
}
