//! `plan`: the changes that make the live account match a document.

use std::collections::{HashMap, HashSet};

use futures_util::stream::{self, StreamExt, TryStreamExt};
use serde_json::{json, Value};

use super::document::{Document, SubuserSpec};
use super::live;
use super::{Action, Change, FieldChange, Plan, PlanOptions, Resource, Unmanaged};
use crate::client::Client;
use crate::credits::{CreditType, SetCredits};
use crate::error::{Error, Result};
use crate::monitor::Monitor;
use crate::region::Region;
use crate::subusers::Subuser;
use crate::teammates::Permissions;

/// The live values of one listed subuser that the document manages.
struct LiveSubuser {
    sub: Subuser,
    ips: Vec<String>,
    monitor: Option<Option<Monitor>>,
    credits: Option<SetCredits>,
}

/// A teammate's permissions as a plan shows them: `"admin"` or the sorted scopes.
pub(crate) fn permissions_value(p: &Permissions) -> Value {
    if p.is_admin {
        json!("admin")
    } else {
        json!(p.scopes)
    }
}

pub(crate) fn field(name: &str, before: Option<Value>, after: Option<Value>) -> FieldChange {
    FieldChange {
        field: name.to_string(),
        before,
        after,
    }
}

fn sorted_ips(ips: &[String]) -> Vec<String> {
    let mut v = ips.to_vec();
    v.sort();
    v.dedup();
    v
}

/// Whether live credits already are what the document asks. A total SendGrid does not report
/// (`null`) is taken as matching.
pub(crate) fn credits_match(live: &SetCredits, want: &SetCredits) -> bool {
    live.r#type == want.r#type
        && (want.r#type != CreditType::Recurring || live.reset_frequency == want.reset_frequency)
        && (live.total.is_none() || live.total == want.total)
}

impl Client {
    /// The ordered changes that make the account match `document`. The document is checked
    /// first: every problem (with its path) in one `invalid_input` error, before any request.
    /// Subusers the document creates need `email` and `password_env` or `password_file`.
    pub async fn plan(&self, document: &Document, options: &PlanOptions) -> Result<Plan> {
        document.validate()?;
        if self.current_on_behalf_of().is_some() && !document.subusers.is_empty() {
            return Err(Error::invalid(
                "document.subusers",
                "subusers belong to the parent account: plan them without on-behalf-of",
            ));
        }
        let mut plan = Plan::default();
        let mut problems = Vec::new();
        let manage_subusers = self.current_on_behalf_of().is_none()
            && (!document.subusers.is_empty() || options.prune);
        let live_subusers = if manage_subusers {
            Some(
                self.plan_subusers(document, options, &mut plan, &mut problems)
                    .await?,
            )
        } else {
            None
        };
        if document.teammates.iter().any(|t| t.has_grants()) {
            self.check_granted_subusers(document, &plan, live_subusers, &mut problems)
                .await?;
        }
        let mut deletions = Vec::new();
        if !document.teammates.is_empty() || options.prune {
            let live = live::teammates(self).await?;
            let mut out = super::teammates::Planned {
                plan: &mut plan,
                deletions: &mut deletions,
                problems: &mut problems,
            };
            self.plan_teammates(document, options, live, &mut out)
                .await?;
        }
        if !document.accounts.is_empty() {
            self.plan_accounts(document, &mut plan, &mut problems)
                .await?;
        }
        if !problems.is_empty() {
            return Err(Error::invalid(
                "document",
                format!("{} problem(s):\n{}", problems.len(), problems.join("\n")),
            ));
        }
        // Teammates go before the subusers they might act for.
        let (subuser_deletes, rest): (Vec<Change>, Vec<Change>) = std::mem::take(&mut plan.changes)
            .into_iter()
            .partition(|c| c.action == Action::Delete);
        plan.changes = rest;
        plan.changes.extend(deletions);
        plan.changes.extend(subuser_deletes);
        Ok(plan)
    }

    async fn plan_subusers(
        &self,
        document: &Document,
        options: &PlanOptions,
        plan: &mut Plan,
        problems: &mut Vec<String>,
    ) -> Result<HashSet<String>> {
        let mut listed: HashMap<String, Subuser> = live::subusers(self)
            .map_ok(|s| (s.username.to_ascii_lowercase(), s))
            .try_collect()
            .await?;
        let ips = if document.subusers.iter().any(|s| s.ips.is_some()) {
            live::ips_by_subuser(self).await?
        } else {
            HashMap::new()
        };
        let wanted: HashSet<String> = document
            .subusers
            .iter()
            .map(|s| s.username.to_ascii_lowercase())
            .collect();
        // Details of the listed subusers the document manages, read 8 at a time.
        let details: Vec<Option<LiveSubuser>> = stream::iter(document.subusers.clone())
            .map(|spec| {
                let key = spec.username.to_ascii_lowercase();
                let sub = listed.get(&key).cloned();
                let ips = ips.get(&key).cloned().unwrap_or_default();
                let client = self.clone();
                async move {
                    let Some(sub) = sub else { return Ok(None) };
                    let monitor = match &spec.monitor {
                        Some(_) => Some(live::monitor(&client, &sub.username).await?),
                        None => None,
                    };
                    let credits = match &spec.credits {
                        Some(_) => Some(live::credits(&client, &sub.username).await?),
                        None => None,
                    };
                    Ok::<_, Error>(Some(LiveSubuser {
                        sub,
                        ips,
                        monitor,
                        credits,
                    }))
                }
            })
            .buffered(live::READ_CONCURRENCY)
            .try_collect()
            .await?;
        for (i, (spec, live)) in document.subusers.iter().zip(details).enumerate() {
            match live {
                None => match create_subuser(spec) {
                    Ok(c) => plan.changes.push(c),
                    Err((Some(f), reason)) => problems.push(format!("subusers[{i}].{f}: {reason}")),
                    Err((None, reason)) => problems.push(format!("subusers[{i}]: {reason}")),
                },
                Some(live) => {
                    if let Some(c) = update_subuser(i, spec, &live, &mut plan.warnings) {
                        plan.changes.push(c);
                    }
                }
            }
        }
        let live_names: HashSet<String> = listed.keys().cloned().collect();
        listed.retain(|k, _| !wanted.contains(k));
        let mut extra: Vec<Subuser> = listed.into_values().collect();
        extra.sort_by(|a, b| a.username.cmp(&b.username));
        for s in extra {
            if options.prune {
                plan.changes.push(Change {
                    resource: Resource::Subuser,
                    key: s.username,
                    action: Action::Delete,
                    fields: Vec::new(),
                    target: None,
                    pending: false,
                    sso: false,
                });
            } else {
                plan.unmanaged.push(Unmanaged {
                    resource: Resource::Subuser,
                    key: s.username,
                });
            }
        }
        Ok(live_names)
    }
}

impl Client {
    /// Every subuser a grant names exists once the plan's subuser changes are applied (one the
    /// plan deletes, or that nobody creates, could never be granted: SendGrid refuses it, and
    /// the plan would never converge). `live`: the lowercase usernames when the subusers were
    /// already listed for the plan; otherwise they are listed here.
    async fn check_granted_subusers(
        &self,
        document: &Document,
        plan: &Plan,
        live: Option<HashSet<String>>,
        problems: &mut Vec<String>,
    ) -> Result<()> {
        let mut exist = match live {
            Some(names) => names,
            None => {
                live::subusers(self)
                    .map_ok(|s| s.username.to_ascii_lowercase())
                    .try_collect()
                    .await?
            }
        };
        for c in plan
            .changes
            .iter()
            .filter(|c| c.resource == Resource::Subuser)
        {
            match c.action {
                Action::Create => exist.insert(c.key.to_ascii_lowercase()),
                Action::Delete => exist.remove(&c.key.to_ascii_lowercase()),
                Action::Update => true,
            };
        }
        for (i, t) in document.teammates.iter().enumerate() {
            for (j, g) in t.subuser_access.iter().flatten().enumerate() {
                if !exist.contains(&g.subuser.to_ascii_lowercase()) {
                    let why = if plan.changes.iter().any(|c| {
                        c.resource == Resource::Subuser
                            && c.action == Action::Delete
                            && c.key.eq_ignore_ascii_case(&g.subuser)
                    }) {
                        "this plan deletes it (--prune)"
                    } else {
                        "it does not exist and the document does not create it"
                    };
                    problems.push(format!(
                        "teammates[{i}].subuser_access[{j}].subuser: {:?} cannot be granted: {why}",
                        g.subuser
                    ));
                }
            }
        }
        Ok(())
    }

    async fn plan_accounts(
        &self,
        document: &Document,
        plan: &mut Plan,
        problems: &mut Vec<String>,
    ) -> Result<()> {
        let Some(ids) = live::account_ids(self).await? else {
            problems.push(
                "accounts: this key cannot list customer accounts (a partner's key, without on-behalf-of, can)"
                    .to_string(),
            );
            return Ok(());
        };
        let wanted: HashSet<&str> = document
            .accounts
            .iter()
            .map(|a| a.account_id.as_str())
            .collect();
        let known: HashSet<&str> = ids.iter().map(String::as_str).collect();
        for (i, spec) in document.accounts.iter().enumerate() {
            let id = spec.account_id.as_str();
            if !known.contains(id) {
                problems.push(format!(
                    "accounts[{i}]: account {id} does not exist (create customer accounts with accounts.create)"
                ));
                continue;
            }
            let mut fields = Vec::new();
            if let Some(want) = spec.state {
                let now = live::account_state(self, id).await?;
                match now {
                    None => plan.warnings.push(format!(
                        "accounts[{i}].state: account {id} is suspended, banned or indeterminate; its state is left alone"
                    )),
                    Some(now) if now != want => {
                        fields.push(field("state", Some(json!(now)), Some(json!(want))))
                    }
                    Some(_) => {}
                }
            }
            if let Some(want) = &spec.offerings {
                let want = live::sorted_offerings(want.clone());
                let now = live::offerings(self, id).await?;
                if now != want {
                    fields.push(field("offerings", Some(json!(now)), Some(json!(want))));
                }
            }
            if !fields.is_empty() {
                plan.changes.push(Change {
                    resource: Resource::Account,
                    key: id.to_string(),
                    action: Action::Update,
                    fields,
                    target: None,
                    pending: false,
                    sso: false,
                });
            }
        }
        for id in ids.iter().filter(|id| !wanted.contains(id.as_str())) {
            plan.unmanaged.push(Unmanaged {
                resource: Resource::Account,
                key: id.clone(),
            });
        }
        Ok(())
    }
}

/// The create change of a subuser that does not exist, or why it cannot be created (with the
/// field at fault, when one is).
fn create_subuser(
    spec: &SubuserSpec,
) -> std::result::Result<Change, (Option<&'static str>, String)> {
    let who = &spec.username;
    let Some(email) = &spec.email else {
        return Err((
            None,
            format!("{who} does not exist; to create it, give its email"),
        ));
    };
    let password = match (&spec.password_env, &spec.password_file) {
        (Some(var), _) => ("password_env", var),
        (_, Some(path)) => ("password_file", path),
        _ => {
            return Err((
                None,
                format!("{who} does not exist; to create it, give password_env or password_file"),
            ))
        }
    };
    // Checked now, so that apply never half-applies for want of a password.
    match password {
        ("password_env", var) if std::env::var_os(var).is_none_or(|v| v.is_empty()) => {
            return Err((
                Some("password_env"),
                format!("the environment variable {var} is not set (it holds the password of {who}, to be created)"),
            ))
        }
        ("password_file", path) => {
            if let Err(e) = std::fs::File::open(path) {
                return Err((
                    Some("password_file"),
                    format!(
                        "cannot read {path}: {} (it holds the password of {who}, to be created)",
                        e.kind()
                    ),
                ));
            }
        }
        _ => {}
    }
    let mut fields = vec![field("email", None, Some(json!(email)))];
    if let Some(r) = &spec.region {
        fields.push(field("region", None, Some(json!(r))));
    }
    if let Some(ips) = &spec.ips {
        fields.push(field("ips", None, Some(json!(sorted_ips(ips)))));
    }
    if let Some(d) = spec.disabled {
        fields.push(field("disabled", None, Some(json!(d))));
    }
    if let Some(Some(m)) = &spec.monitor {
        fields.push(field("monitor", None, Some(json!(m))));
    }
    if let Some(c) = &spec.credits {
        fields.push(field("credits", None, Some(json!(c))));
    }
    if let Some(w) = spec.website_access {
        fields.push(field("website_access", None, Some(json!(w))));
    }
    fields.push(field(password.0, None, Some(json!(password.1))));
    Ok(Change {
        resource: Resource::Subuser,
        key: spec.username.clone(),
        action: Action::Create,
        fields,
        target: None,
        pending: false,
        sso: false,
    })
}

/// The update change of a listed subuser, if anything differs.
fn update_subuser(
    i: usize,
    spec: &SubuserSpec,
    live: &LiveSubuser,
    warnings: &mut Vec<String>,
) -> Option<Change> {
    let who = &live.sub.username;
    let mut fields = Vec::new();
    if let Some(e) = &spec.email {
        if !e.eq_ignore_ascii_case(&live.sub.email) {
            warnings.push(format!(
                "subusers[{i}].email: {who}'s email is {}; SendGrid cannot change it",
                live.sub.email
            ));
        }
    }
    if let Some(r) = &spec.region {
        let now = live.sub.region.clone().unwrap_or(Region::Global);
        if *r != now {
            warnings.push(format!(
                "subusers[{i}].region: {who} is in {}; a subuser's region cannot change",
                json!(now).as_str().unwrap_or("?")
            ));
        }
    }
    if spec.website_access.is_some() {
        warnings.push(format!(
            "subusers[{i}].website_access: SendGrid cannot read it, so it is set only when a subuser is created"
        ));
    }
    if let Some(d) = spec.disabled.filter(|d| *d != live.sub.disabled) {
        fields.push(field(
            "disabled",
            Some(json!(live.sub.disabled)),
            Some(json!(d)),
        ));
    }
    if let Some(ips) = &spec.ips {
        let want = sorted_ips(ips);
        if want != live.ips {
            fields.push(field("ips", Some(json!(live.ips)), Some(json!(want))));
        }
    }
    if let (Some(want), Some(now)) = (&spec.monitor, &live.monitor) {
        if want != now {
            fields.push(field(
                "monitor",
                now.as_ref().map(|m| json!(m)),
                want.as_ref().map(|m| json!(m)),
            ));
        }
    }
    if let (Some(want), Some(now)) = (&spec.credits, &live.credits) {
        if !credits_match(now, want) {
            fields.push(field("credits", Some(json!(now)), Some(json!(want))));
        }
    }
    (!fields.is_empty()).then(|| Change {
        resource: Resource::Subuser,
        key: who.clone(),
        action: Action::Update,
        fields,
        target: None,
        pending: false,
        sso: false,
    })
}
