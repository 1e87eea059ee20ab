//! `apply`: a plan's changes through the bulk machinery, each re-checked against the live
//! account first.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::diff::{credits_match, permissions_value};
use super::live::{self, LiveTeammate};
use super::teammates::access_matches;
use super::{Action, Change, FieldChange, Plan, Resource};
use crate::accounts::{NewAccountState, Offering};
use crate::bulk::{self, BulkItem, BulkOptions};
use crate::client::Client;
use crate::credits::SetCredits;
use crate::error::{Error, Result};
use crate::ips::ListIps;
use crate::monitor::Monitor;
use crate::region::Region;
use crate::subusers::CreateSubuser;
use crate::teammates::{InviteTeammate, Permissions};
use crate::teammates_sso::{CreateSsoTeammate, SubuserGrant};

fn drifted(c: &Change, reason: String) -> Error {
    Error::Drifted {
        what: format!("{} {}", c.resource.as_str(), c.key),
        reason,
    }
}

/// A field's planned value, decoded.
fn value<T: DeserializeOwned>(c: &Change, f: &FieldChange, v: &Option<Value>) -> Result<Option<T>> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(v) => serde_json::from_value(v.clone()).map(Some).map_err(|e| {
            Error::invalid(
                format!("plan.{}.{}", c.key, f.field),
                format!("is not a valid value: {e}"),
            )
        }),
    }
}

fn after<T: DeserializeOwned>(c: &Change, name: &str) -> Result<Option<T>> {
    match c.field(name) {
        Some(f) => value(c, f, &f.after),
        None => Ok(None),
    }
}

fn permissions(v: &Option<Value>) -> Option<Permissions> {
    match v {
        Some(Value::String(s)) if s == "admin" => Some(Permissions::admin()),
        Some(Value::Array(a)) => Some(Permissions {
            scopes: a
                .iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect(),
            is_admin: false,
        }),
        _ => None,
    }
}

/// Reads a subuser's password from where the plan says it is; the value is never in an error.
fn password(c: &Change) -> Result<String> {
    if let Some(var) = after::<String>(c, "password_env")? {
        return std::env::var(&var).map_err(|_| {
            Error::invalid(
                format!("subusers.{}.password_env", c.key),
                format!("the environment variable {var} is not set"),
            )
        });
    }
    if let Some(path) = after::<String>(c, "password_file")? {
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Error::invalid(
                format!("subusers.{}.password_file", c.key),
                format!("cannot read {path}: {}", e.kind()),
            )
        })?;
        return Ok(text.trim_end_matches(['\n', '\r']).to_string());
    }
    Err(Error::invalid(
        format!("subusers.{}", c.key),
        "a subuser to create needs password_env or password_file",
    ))
}

/// What the live value says of a planned field: already done, still as planned, or changed.
enum Now {
    Done,
    AsPlanned,
}

fn compare(
    c: &Change,
    f: &FieldChange,
    now: Option<Value>,
    same: impl Fn(&Option<Value>, &Option<Value>) -> bool,
) -> Result<Now> {
    let now = now.filter(|v| !v.is_null());
    if same(&now, &f.after) {
        Ok(Now::Done)
    } else if same(&now, &f.before) {
        Ok(Now::AsPlanned)
    } else {
        let show = |v: &Option<Value>| v.as_ref().map_or("none".to_string(), Value::to_string);
        Err(drifted(
            c,
            format!(
                "{} is {}, the plan expected {}",
                f.field,
                show(&now),
                show(&f.before)
            ),
        ))
    }
}

impl Client {
    /// Applies `plan`'s changes, `options.concurrency` at a time under the client's pacing and
    /// retries, and returns one outcome per change in plan order. A change whose item changed
    /// since the plan fails with `conflict` (nothing written to it); one already applied
    /// succeeds without writing. A failed change never stops the others.
    pub async fn apply(&self, plan: &Plan, options: &BulkOptions) -> Vec<BulkItem<Change, ()>> {
        let teammates = if plan
            .changes
            .iter()
            .any(|c| c.resource == Resource::Teammate)
        {
            live::teammates(self).await.map(|v| {
                v.into_iter()
                    .map(|t| (t.email.to_ascii_lowercase(), t))
                    .collect::<HashMap<_, _>>()
            })
        } else {
            Ok(HashMap::new())
        };
        let teammates = &teammates;
        bulk::run(plan.changes.clone(), options, |c| async move {
            match c.resource {
                Resource::Subuser => self.apply_subuser(&c).await,
                Resource::Account => self.apply_account(&c).await,
                Resource::Teammate => match teammates {
                    Ok(t) => {
                        self.apply_teammate(&c, t.get(&c.key.to_ascii_lowercase()))
                            .await
                    }
                    Err(e) => Err(drifted(&c, format!("the teammates could not be read: {e}"))),
                },
            }
        })
        .await
    }

    async fn apply_subuser(&self, c: &Change) -> Result<()> {
        let name = c.key.as_str();
        match c.action {
            Action::Create => {
                let email: String = after(c, "email")?.unwrap_or_default();
                let mut disabled = false;
                match live::subuser(self, name).await? {
                    // Created by an earlier, interrupted apply of this plan: finish the rest,
                    // writing only what is not done yet.
                    Some(s) if s.email.eq_ignore_ascii_case(&email) => disabled = s.disabled,
                    Some(_) => return Err(drifted(c, "it exists now".into())),
                    None => {
                        let create = CreateSubuser {
                            username: name.to_string(),
                            email,
                            password: password(c)?,
                            ips: after(c, "ips")?.unwrap_or_default(),
                            region: after::<Region>(c, "region")?,
                            include_region: false,
                        };
                        self.subusers().create(&create).await?;
                    }
                }
                if after::<bool>(c, "website_access")? == Some(false) {
                    self.website_access().disable(name).await?;
                }
                if after::<bool>(c, "disabled")? == Some(true) && !disabled {
                    self.subusers().disable(name).await?;
                }
                if let Some(m) = after::<Monitor>(c, "monitor")? {
                    match live::monitor(self, name).await? {
                        None => self.monitor().create(name, &m).await.map(drop)?,
                        Some(now) if now != m => self.monitor().update(name, &m).await.map(drop)?,
                        Some(_) => {}
                    }
                }
                if let Some(cr) = after::<SetCredits>(c, "credits")? {
                    if !credits_match(&live::credits(self, name).await?, &cr) {
                        self.credits().set(name, &cr).await?;
                    }
                }
                Ok(())
            }
            Action::Delete => match live::subuser(self, name).await? {
                None => Ok(()),
                Some(_) => self.subusers().delete(name).await,
            },
            Action::Update => {
                // Every field is checked before anything is written.
                let mut todo = Vec::new();
                for f in &c.fields {
                    let now = match f.field.as_str() {
                        "disabled" => {
                            let s = live::subuser(self, name).await?;
                            let s = s.ok_or_else(|| drifted(c, "it no longer exists".into()))?;
                            compare(c, f, Some(Value::Bool(s.disabled)), |a, b| a == b)?
                        }
                        "ips" => {
                            let mut ips: Vec<String> = self
                                .ips()
                                .list(&ListIps {
                                    subuser: Some(name.to_string()),
                                    limit: Some(500),
                                    ..Default::default()
                                })
                                .await?
                                .into_iter()
                                .map(|i| i.ip)
                                .collect();
                            ips.sort();
                            ips.dedup();
                            compare(c, f, Some(serde_json::json!(ips)), |a, b| a == b)?
                        }
                        "monitor" => {
                            let m = live::monitor(self, name).await?;
                            compare(c, f, m.map(|m| serde_json::json!(m)), |a, b| a == b)?
                        }
                        "credits" => {
                            let now = live::credits(self, name).await?;
                            compare(c, f, Some(serde_json::json!(now)), |a, b| {
                                let decode = |v: &Option<Value>| {
                                    v.clone()
                                        .and_then(|v| serde_json::from_value::<SetCredits>(v).ok())
                                };
                                match (decode(a), decode(b)) {
                                    (Some(x), Some(y)) => credits_match(&x, &y),
                                    (x, y) => x.is_none() && y.is_none(),
                                }
                            })?
                        }
                        other => {
                            return Err(Error::invalid(
                                format!("plan.{name}.{other}"),
                                "is not a field a subuser update can change",
                            ))
                        }
                    };
                    if let Now::AsPlanned = now {
                        todo.push(f);
                    }
                }
                for f in todo {
                    match f.field.as_str() {
                        "disabled" => {
                            let d: bool = value(c, f, &f.after)?.unwrap_or(false);
                            self.subusers().set_disabled(name, d).await?
                        }
                        "ips" => {
                            let ips: Vec<String> = value(c, f, &f.after)?.unwrap_or_default();
                            self.ips().set(name, &ips).await.map(drop)?
                        }
                        "monitor" => match value::<Monitor>(c, f, &f.after)? {
                            None => self.monitor().delete(name).await?,
                            Some(m) if f.before.as_ref().is_none_or(Value::is_null) => {
                                self.monitor().create(name, &m).await.map(drop)?
                            }
                            Some(m) => self.monitor().update(name, &m).await.map(drop)?,
                        },
                        _ => {
                            let cr: Option<SetCredits> = value(c, f, &f.after)?;
                            if let Some(cr) = cr {
                                self.credits().set(name, &cr).await.map(drop)?
                            }
                        }
                    }
                }
                Ok(())
            }
        }
    }

    async fn apply_account(&self, c: &Change) -> Result<()> {
        let id = c.key.as_str();
        if c.action != Action::Update {
            return Err(Error::invalid(
                format!("plan.{id}"),
                "customer accounts are only ever updated by apply",
            ));
        }
        let mut todo = Vec::new();
        for f in &c.fields {
            let now = match f.field.as_str() {
                "state" => {
                    let s = live::account_state(self, id).await?;
                    compare(c, f, s.map(|s| serde_json::json!(s)), |a, b| a == b)?
                }
                "offerings" => {
                    let o = live::offerings(self, id).await?;
                    compare(c, f, Some(serde_json::json!(o)), |a, b| a == b)?
                }
                other => {
                    return Err(Error::invalid(
                        format!("plan.{id}.{other}"),
                        "is not a field an account update can change",
                    ))
                }
            };
            if let Now::AsPlanned = now {
                todo.push(f);
            }
        }
        for f in todo {
            if f.field == "state" {
                if let Some(s) = value::<NewAccountState>(c, f, &f.after)? {
                    self.accounts().set_state(id, s).await?;
                }
            } else {
                let o: Vec<Offering> = value(c, f, &f.after)?.unwrap_or_default();
                self.accounts().set_offerings(id, &o).await?;
            }
        }
        Ok(())
    }

    async fn apply_teammate(&self, c: &Change, now: Option<&LiveTeammate>) -> Result<()> {
        let sso_write = c.sso
            || ["subuser_access", "first_name", "last_name"]
                .iter()
                .any(|n| c.field(n).is_some());
        if c.action != Action::Delete && sso_write {
            return self.apply_sso_teammate(c, now).await;
        }
        let f = c.field("permissions");
        let want = f.and_then(|f| permissions(&f.after));
        let have = now.map(|t| permissions_value(&t.permissions));
        match c.action {
            Action::Create => match now {
                Some(t) if Some(&t.permissions) == want.as_ref() => Ok(()),
                Some(_) => Err(drifted(c, "it exists now".into())),
                None => {
                    let p = want.unwrap_or_default();
                    let invite = InviteTeammate {
                        email: c.key.clone(),
                        scopes: p.scopes,
                        is_admin: p.is_admin,
                    };
                    self.teammates().invite(&invite).await.map(drop)
                }
            },
            Action::Delete => match now {
                None => Ok(()),
                Some(t) if have.as_ref() != f.and_then(|f| f.before.as_ref()) => Err(drifted(
                    c,
                    format!("its permissions are {}", permissions_value(&t.permissions)),
                )),
                Some(t) if t.pending => self.teammates().delete_pending(&t.target).await,
                Some(t) => self.teammates().delete(&t.target).await,
            },
            Action::Update => {
                let Some(t) = now else {
                    return Err(drifted(c, "it no longer exists".into()));
                };
                let want = want.unwrap_or_default();
                if t.permissions == want {
                    return Ok(());
                }
                if have.as_ref() != f.and_then(|f| f.before.as_ref()) {
                    return Err(drifted(
                        c,
                        format!("its permissions are {}", permissions_value(&t.permissions)),
                    ));
                }
                if t.pending {
                    // An invitation cannot be edited: it is sent again with the new permissions.
                    self.teammates().delete_pending(&t.target).await?;
                    let invite = InviteTeammate {
                        email: c.key.clone(),
                        scopes: want.scopes,
                        is_admin: want.is_admin,
                    };
                    self.teammates().invite(&invite).await.map(drop)
                } else {
                    self.teammates()
                        .update_permissions(&t.target, &want)
                        .await
                        .map(drop)
                }
            }
        }
    }

    /// Creates or updates a teammate through the SSO calls: the whole state is sent (names,
    /// permissions, subuser access), each part from the plan where it changes, else as it is.
    async fn apply_sso_teammate(&self, c: &Change, now: Option<&LiveTeammate>) -> Result<()> {
        let live_access = match now {
            Some(t) if !t.pending => live::access(self, &t.target).await?,
            _ => None,
        };
        let mut done = true;
        // Drift: every planned field is still as planned (or already done).
        for f in &c.fields {
            let current = match f.field.as_str() {
                "permissions" => now.map(|t| permissions_value(&t.permissions)),
                "subuser_access" => live_access.as_ref().map(|a| serde_json::json!(a)),
                "first_name" => now
                    .and_then(|t| t.first_name.as_ref())
                    .map(|v| serde_json::json!(v)),
                "last_name" => now
                    .and_then(|t| t.last_name.as_ref())
                    .map(|v| serde_json::json!(v)),
                _ => continue,
            };
            let state = if c.action == Action::Create && now.is_none() {
                Now::AsPlanned
            } else {
                compare(c, f, current, |a, b| match f.field.as_str() {
                    "subuser_access" => {
                        let g = |v: &Option<Value>| {
                            v.clone()
                                .filter(|v| !v.is_null())
                                .and_then(|v| serde_json::from_value::<Vec<SubuserGrant>>(v).ok())
                        };
                        access_matches(&g(a), &g(b))
                    }
                    _ => a == b,
                })?
            };
            done &= matches!(state, Now::Done);
        }
        if done && now.is_some() {
            return Ok(());
        }
        let text = |name: &str, live: Option<&String>| -> Result<String> {
            Ok(after::<String>(c, name)?
                .or_else(|| live.cloned())
                .unwrap_or_default())
        };
        let first = text("first_name", now.and_then(|t| t.first_name.as_ref()))?;
        let last = text("last_name", now.and_then(|t| t.last_name.as_ref()))?;
        let perms = c
            .field("permissions")
            .and_then(|f| permissions(&f.after))
            .or_else(|| now.map(|t| t.permissions.clone()))
            .unwrap_or_default();
        // Restricted access: the plan's (null = unrestricted) where it changes, else as it is.
        let access: Option<Vec<SubuserGrant>> = match c.field("subuser_access") {
            Some(_) => after(c, "subuser_access")?,
            None => live_access,
        };
        let restricted = access.is_some();
        let spec = crate::plan::TeammateSpec {
            email: c.key.clone(),
            is_admin: perms.is_admin && !restricted,
            scopes: if restricted { Vec::new() } else { perms.scopes },
            subuser_access: access.clone(),
            ..Default::default()
        };
        let access = access.unwrap_or_default();
        let update = spec.sso_update(&first, &last, access);
        match now {
            None => self
                .teammates()
                .create_sso(&CreateSsoTeammate::new(c.key.clone(), update))
                .await
                .map(drop),
            Some(t) => self
                .teammates()
                .update_sso(&t.target, &update)
                .await
                .map(drop),
        }
    }
}
