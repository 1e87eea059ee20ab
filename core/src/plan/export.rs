//! `export`: the live account as a document, streamed item by item.

use futures_util::stream::{self, StreamExt, TryStreamExt};

use super::document::{AccountSpec, Document, SubuserSpec, TeammateSpec};
use super::live;
use crate::client::Client;
use crate::error::Result;
use crate::subusers::Subuser;
use crate::teammates_sso::SubuserGrant;

/// One exported item, in document order: every subuser, every teammate, every account.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportItem {
    /// A subuser with every field SendGrid can read (not its website access or password).
    Subuser(SubuserSpec),
    /// A teammate or pending invitation (not the owner).
    Teammate(TeammateSpec),
    /// A customer account (partners' keys only).
    Account(AccountSpec),
}

/// Subusers read at once: a page's details are fetched, handed over, then dropped.
const CHUNK: usize = 100;

impl Client {
    /// Reads the whole account and hands each item to `sink` as soon as it is read, so that
    /// memory stays flat however many subusers there are. On a client with on-behalf-of, only
    /// the teammates (subusers belong to the parent).
    pub async fn export_each<F>(&self, mut sink: F) -> Result<()>
    where
        F: FnMut(ExportItem) -> Result<()>,
    {
        if self.current_on_behalf_of().is_none() {
            let ips = std::sync::Arc::new(live::ips_by_subuser(self).await?);
            let mut pages = live::subusers(self).try_chunks(CHUNK);
            while let Some(chunk) = pages.next().await {
                let chunk = chunk.map_err(|e| e.1)?;
                let specs: Vec<SubuserSpec> = stream::iter(chunk)
                    .map(|s| export_subuser(self.clone(), s, ips.clone()))
                    .buffered(live::READ_CONCURRENCY)
                    .try_collect()
                    .await?;
                for s in specs {
                    sink(ExportItem::Subuser(s))?;
                }
            }
        }
        let teammates = live::teammates(self).await?;
        // Restricted access is read for teammates that may have it: not admins, not invitations.
        let who: Vec<Option<String>> = teammates
            .iter()
            .map(|t| (!t.pending && !t.permissions.is_admin).then(|| t.target.clone()))
            .collect();
        let access: Vec<Option<Vec<_>>> = stream::iter(who)
            .map(|who| {
                let client = self.clone();
                async move {
                    match who {
                        Some(who) => live::access(&client, &who).await,
                        None => Ok(None),
                    }
                }
            })
            .buffered(live::READ_CONCURRENCY)
            .try_collect()
            .await?;
        for (t, access) in teammates.into_iter().zip(access) {
            sink(ExportItem::Teammate(teammate_spec(t, access)))?;
        }
        if let Some(ids) = live::account_ids(self).await? {
            for id in ids {
                let (state, offerings) = futures_util::future::try_join(
                    live::account_state(self, &id),
                    live::offerings(self, &id),
                )
                .await?;
                sink(ExportItem::Account(AccountSpec {
                    account_id: id,
                    state,
                    offerings: Some(offerings),
                }))?;
            }
        }
        Ok(())
    }

    /// The whole account as one [`Document`] (for large accounts prefer [`Client::export_each`]).
    pub async fn export(&self) -> Result<Document> {
        let mut doc = Document::default();
        self.export_each(|item| {
            match item {
                ExportItem::Subuser(s) => doc.subusers.push(s),
                ExportItem::Teammate(t) => doc.teammates.push(t),
                ExportItem::Account(a) => doc.accounts.push(a),
            }
            Ok(())
        })
        .await?;
        Ok(doc)
    }
}

/// A live teammate as a document writes it back: an admin is `is_admin` only, a restricted
/// teammate its `subuser_access` (no parent scopes: SendGrid derives them), an unrestricted one
/// its `scopes`; an invitation is marked `pending`. Scopes SendGrid manages are left out.
fn teammate_spec(t: live::LiveTeammate, access: Option<Vec<SubuserGrant>>) -> TeammateSpec {
    let restricted = access.is_some();
    TeammateSpec {
        email: t.email,
        is_admin: t.permissions.is_admin,
        scopes: if restricted {
            Vec::new()
        } else {
            t.permissions.scopes
        },
        pending: t.pending,
        subuser_access: access.map(live::exported_grants),
        ..Default::default()
    }
}

async fn export_subuser(
    client: Client,
    s: Subuser,
    ips: std::sync::Arc<std::collections::HashMap<String, Vec<String>>>,
) -> Result<SubuserSpec> {
    let (monitor, credits) = futures_util::future::try_join(
        live::monitor(&client, &s.username),
        live::credits(&client, &s.username),
    )
    .await?;
    Ok(SubuserSpec {
        ips: Some(
            ips.get(&s.username.to_ascii_lowercase())
                .cloned()
                .unwrap_or_default(),
        ),
        email: Some(s.email),
        disabled: Some(s.disabled),
        region: s.region,
        monitor: Some(monitor),
        credits: Some(credits),
        username: s.username,
        ..Default::default()
    })
}
