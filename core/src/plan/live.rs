//! Reading the live account: what export writes and what plan and apply compare with.

use std::collections::HashMap;

use futures_util::stream::{self, StreamExt, TryStreamExt};

use crate::accounts::{AccountState, NewAccountState, Offering, OfferingType};
use crate::client::Client;
use crate::credits::{CreditType, SetCredits, SubuserCredits};
use crate::error::{ErrorKind, Result};
use crate::ips::ListIps;
use crate::monitor::Monitor;
use crate::subusers::{ListSubusers, Subuser};
use crate::teammates::{PermissionType, Permissions, UserType};
use crate::teammates_sso::SubuserGrant;

/// Calls in flight while reading details (monitor, credits, scopes) of many items.
pub(crate) const READ_CONCURRENCY: usize = 8;

/// Every IP's subusers, as lowercase username → sorted IPs.
pub(crate) async fn ips_by_subuser(client: &Client) -> Result<HashMap<String, Vec<String>>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut offset = 0u32;
    loop {
        let page = client
            .ips()
            .list(&ListIps {
                limit: Some(500),
                offset: Some(offset),
                ..Default::default()
            })
            .await?;
        if page.is_empty() {
            break;
        }
        offset = offset.saturating_add(page.len() as u32);
        for ip in page {
            for s in ip.subusers {
                out.entry(s.to_ascii_lowercase())
                    .or_default()
                    .push(ip.ip.clone());
            }
        }
    }
    for v in out.values_mut() {
        v.sort();
        v.dedup();
    }
    Ok(out)
}

/// One subuser by username, if it exists.
pub(crate) async fn subuser(client: &Client, username: &str) -> Result<Option<Subuser>> {
    let found = client
        .subusers()
        .list(&ListSubusers {
            username: Some(username.to_string()),
            include_region: true,
            ..Default::default()
        })
        .await?;
    Ok(found
        .into_iter()
        .find(|s| s.username.eq_ignore_ascii_case(username)))
}

/// Every subuser with its region, page by page.
pub(crate) fn subusers(
    client: &Client,
) -> futures_util::stream::BoxStream<'static, Result<Subuser>> {
    client.subusers().list_all(ListSubusers {
        limit: Some(500),
        include_region: true,
        ..Default::default()
    })
}

/// A subuser's monitor in the document's form (the fields a document manages: fields SendGrid
/// may add are left out, so they never read as drift), `None` when it has none (SendGrid
/// answers 404).
pub(crate) async fn monitor(client: &Client, username: &str) -> Result<Option<Monitor>> {
    match client.monitor().get(username).await {
        Ok(m) => Ok(Some(Monitor::new(m.email, m.frequency))),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// A subuser's credits in the document's form.
pub(crate) async fn credits(client: &Client, username: &str) -> Result<SetCredits> {
    Ok(credits_spec(client.credits().get(username).await?))
}

/// Live credits in the document's form: the total only where it means something.
pub(crate) fn credits_spec(c: SubuserCredits) -> SetCredits {
    let recurring = c.r#type == CreditType::Recurring;
    SetCredits {
        total: if c.r#type == CreditType::Unlimited {
            None
        } else {
            c.total
        },
        reset_frequency: c.reset_frequency.filter(|_| recurring),
        r#type: c.r#type,
    }
}

/// A teammate or a pending invitation, with its permissions.
#[derive(Debug, Clone)]
pub(crate) struct LiveTeammate {
    pub email: String,
    /// The username, or the invitation token when `pending`.
    pub target: String,
    pub pending: bool,
    pub permissions: Permissions,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

/// Every teammate but the owner, and every pending invitation, with sorted scopes. A teammate
/// who is not an admin is read one by one (the list has no scopes).
pub(crate) async fn teammates(client: &Client) -> Result<Vec<LiveTeammate>> {
    let listed: Vec<_> = client
        .teammates()
        .list_all(Some(500))
        .try_filter(|t| std::future::ready(t.user_type != Some(UserType::Owner)))
        .try_collect()
        .await?;
    let mut out: Vec<LiveTeammate> = stream::iter(listed)
        .map(|t| {
            let client = client.clone();
            async move {
                let scopes = if t.is_admin {
                    Vec::new()
                } else {
                    client.teammates().get(&t.username).await?.scopes
                };
                Ok::<_, crate::Error>(LiveTeammate {
                    email: t.email,
                    target: t.username,
                    pending: false,
                    permissions: sorted(scopes, t.is_admin),
                    first_name: t.first_name,
                    last_name: t.last_name,
                })
            }
        })
        .buffered(READ_CONCURRENCY)
        .try_collect()
        .await?;
    for inv in client.teammates().list_pending().await? {
        out.push(LiveTeammate {
            email: inv.email,
            target: inv.token,
            pending: true,
            permissions: sorted(inv.scopes, inv.is_admin),
            first_name: None,
            last_name: None,
        });
    }
    Ok(out)
}

/// Sorted, deduplicated, without the scopes SendGrid manages itself (they are never compared).
fn sorted(mut scopes: Vec<String>, is_admin: bool) -> Permissions {
    scopes.retain(|s| !crate::scopes::is_sendgrid_managed(s));
    scopes.sort();
    scopes.dedup();
    Permissions {
        scopes: if is_admin { Vec::new() } else { scopes },
        is_admin,
    }
}

/// Every customer account's id, or `None` when the key is not a partner's (SendGrid refuses
/// the listing) or the client acts on behalf of someone.
pub(crate) async fn account_ids(client: &Client) -> Result<Option<Vec<String>>> {
    if client.current_on_behalf_of().is_some() {
        return Ok(None);
    }
    let listed: Result<Vec<_>> = client
        .accounts()
        .list_all(Default::default())
        .map_ok(|a| a.id)
        .try_collect()
        .await;
    match listed {
        Ok(ids) => Ok(Some(ids)),
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::Forbidden | ErrorKind::NotFound | ErrorKind::Unauthorized
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// An account's state in the document's form (`None`: suspended, banned, indeterminate).
pub(crate) async fn account_state(client: &Client, id: &str) -> Result<Option<NewAccountState>> {
    Ok(match client.accounts().state(id).await? {
        AccountState::Activated => Some(NewAccountState::Activated),
        AccountState::Deactivated => Some(NewAccountState::Deactivated),
        _ => None,
    })
}

/// An account's offerings, sorted (name, then type) so that order never counts as a change.
pub(crate) async fn offerings(client: &Client, id: &str) -> Result<Vec<Offering>> {
    Ok(sorted_offerings(client.accounts().offerings(id).await?))
}

/// Offerings in a stable order, in the document's form (fields SendGrid may add left out, so
/// they never read as a change).
pub(crate) fn sorted_offerings(mut o: Vec<Offering>) -> Vec<Offering> {
    o.iter_mut().for_each(|x| x.extra = Default::default());
    o.sort_by(|a, b| {
        (a.name.as_str(), a.r#type == OfferingType::Addon)
            .cmp(&(b.name.as_str(), b.r#type == OfferingType::Addon))
    });
    o
}

/// A teammate's restricted subuser access, or `None` when the teammate is not restricted (an
/// admin or unrestricted teammate acts for every subuser: SendGrid lists them all, and that
/// implied list is not the teammate's to manage).
pub(crate) async fn access(client: &Client, username: &str) -> Result<Option<Vec<SubuserGrant>>> {
    let mut query = crate::teammates::SubuserAccessQuery {
        limit: Some(500),
        ..Default::default()
    };
    let mut out = Vec::new();
    loop {
        let page = client.teammates().subuser_access(username, &query).await?;
        if !page.has_restricted_subuser_access {
            return Ok(None);
        }
        let next = page.next_query().filter(|n| {
            n.after_subuser_id > query.after_subuser_id && !page.subuser_access.is_empty()
        });
        out.extend(page.subuser_access.into_iter().map(|a| SubuserGrant {
            subuser: a.username,
            permission_type: a.permission_type.unwrap_or(PermissionType::Restricted),
            scopes: a.scopes,
        }));
        match next {
            Some(n) => query = n,
            None => return Ok(Some(sorted_grants(out))),
        }
    }
}

/// Grants as an export writes them: each restricted grant without the read scopes SendGrid adds
/// itself ([`crate::scopes::GRANT_BASELINE_SCOPES`]). A grant of baseline scopes only must
/// still list one to stay valid: it keeps `stats.read` (the one of them people ask for, #206)
/// when held, else all of them. Any held subset plans nothing ("asked ⊆ held").
pub(crate) fn exported_grants(mut g: Vec<SubuserGrant>) -> Vec<SubuserGrant> {
    for x in &mut g {
        let own: Vec<String> = x
            .scopes
            .iter()
            .filter(|s| !crate::scopes::GRANT_BASELINE_SCOPES.contains(&s.as_str()))
            .cloned()
            .collect();
        if !own.is_empty() {
            x.scopes = own;
        } else if x.scopes.iter().any(|s| s == "stats.read") {
            x.scopes = vec!["stats.read".to_string()];
        }
        x.scopes.retain(|s| !crate::scopes::is_sendgrid_managed(s));
    }
    g
}

/// Grants in a stable order (by subuser), each grant's scopes sorted; admin grants list none.
pub(crate) fn sorted_grants(mut g: Vec<SubuserGrant>) -> Vec<SubuserGrant> {
    for x in &mut g {
        if x.permission_type == PermissionType::Admin {
            x.scopes.clear();
        }
        x.scopes.sort();
        x.scopes.dedup();
    }
    g.sort_by_key(|x| x.subuser.to_ascii_lowercase());
    g
}

/// Whether live access already is what is asked: the same subusers and permission types, and
/// every asked scope held (SendGrid adds scopes of its own to restricted grants).
pub(crate) fn grants_match(live: &[SubuserGrant], want: &[SubuserGrant]) -> bool {
    let (live, want) = (sorted_grants(live.to_vec()), sorted_grants(want.to_vec()));
    live.len() == want.len()
        && live.iter().zip(&want).all(|(l, w)| {
            l.subuser.eq_ignore_ascii_case(&w.subuser)
                && l.permission_type == w.permission_type
                && w.scopes.iter().all(|s| l.scopes.contains(s))
        })
}
