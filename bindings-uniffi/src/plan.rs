//! `client.export()`, `client.plan(document, prune)`, `client.apply(plan, ...)`: documents are
//! YAML or JSON text (the file format, see `core/schema/account.schema.json`); plans and
//! outcomes are typed. A field's before/after value is JSON text. All behaviour is the core's.

use std::sync::Arc;

use sendgrid_admin::plan::{
    Action, Change as CoreChange, Document, FieldChange as CoreField, Plan as CorePlan,
    PlanOptions, Resource, Unmanaged,
};

use crate::bulk::{options, BulkProgressListener};
use crate::client::Client;
use crate::errors::{Result, SendGridError};

/// One field's value before and after, as JSON text (null where it has none).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FieldChange {
    /// The document's name of the field, e.g. `ips` or `monitor`.
    pub field: String,
    /// The live value the plan was made from.
    pub before_json: Option<String>,
    /// The value the document asks for.
    pub after_json: Option<String>,
}

/// One planned change of one item.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Change {
    /// Subuser or teammate.
    pub resource: Resource,
    /// The username (subusers) or email (teammates).
    pub key: String,
    /// Create, update or delete.
    pub action: Action,
    /// The fields that change.
    pub fields: Vec<FieldChange>,
    /// For a teammate: the live username, or the pending invitation's token.
    pub target: Option<String>,
    /// For a teammate: whether the live item is a pending invitation.
    pub pending: bool,
    /// For a teammate: written through the SSO calls (`createSso`, `updateSso`).
    pub sso: bool,
}

/// The ordered changes that make an account match a document (deletions last).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Plan {
    /// The changes.
    pub changes: Vec<Change>,
    /// What the account has beyond the document (left alone without prune).
    pub unmanaged: Vec<Unmanaged>,
    /// Differences the API cannot change and fields it cannot read.
    pub warnings: Vec<String>,
}

/// The outcome of one change: `error` is null when it was applied (or already was).
#[derive(Debug, uniffi::Record)]
pub struct ApplyOutcome {
    /// The change.
    pub change: Change,
    /// Why it failed (`Conflict`: the item changed since the plan).
    pub error: Option<SendGridError>,
}

fn to_json(v: &Option<serde_json::Value>) -> Option<String> {
    v.as_ref().map(|v| v.to_string())
}

fn from_json(field: &str, v: Option<String>) -> Result<Option<serde_json::Value>> {
    v.map(|t| {
        serde_json::from_str(&t).map_err(|e| {
            sendgrid_admin::Error::invalid(format!("plan.{field}"), format!("is not JSON: {e}"))
                .into()
        })
    })
    .transpose()
}

impl From<CoreChange> for Change {
    fn from(c: CoreChange) -> Self {
        Change {
            resource: c.resource,
            key: c.key,
            action: c.action,
            fields: c
                .fields
                .iter()
                .map(|f| FieldChange {
                    field: f.field.clone(),
                    before_json: to_json(&f.before),
                    after_json: to_json(&f.after),
                })
                .collect(),
            target: c.target,
            pending: c.pending,
            sso: c.sso,
        }
    }
}

impl Change {
    fn into_core(self) -> Result<CoreChange> {
        let fields = self
            .fields
            .into_iter()
            .map(|f| {
                Ok(CoreField {
                    before: from_json(&f.field, f.before_json)?,
                    after: from_json(&f.field, f.after_json)?,
                    field: f.field,
                })
            })
            .collect::<Result<_>>()?;
        Ok(CoreChange {
            resource: self.resource,
            key: self.key,
            action: self.action,
            fields,
            target: self.target,
            pending: self.pending,
            sso: self.sso,
        })
    }
}

impl From<CorePlan> for Plan {
    fn from(p: CorePlan) -> Self {
        Plan {
            changes: p.changes.into_iter().map(Into::into).collect(),
            unmanaged: p.unmanaged,
            warnings: p.warnings,
        }
    }
}

impl Plan {
    fn into_core(self) -> Result<CorePlan> {
        Ok(CorePlan {
            changes: self
                .changes
                .into_iter()
                .map(Change::into_core)
                .collect::<Result<_>>()?,
            unmanaged: self.unmanaged,
            warnings: self.warnings,
        })
    }
}

/// A plan for people: `+` create, `~` update (before -> after), `-` delete.
#[uniffi::export]
pub fn plan_to_text(plan: Plan) -> Result<String> {
    Ok(plan.into_core()?.to_text(false))
}

/// Whether a plan has nothing to do (drift detection in CI).
#[uniffi::export]
pub fn plan_is_empty(plan: Plan) -> bool {
    plan.changes.is_empty()
}

/// Every problem of a document (YAML or JSON text) as `path: reason` lines; empty when valid.
#[uniffi::export]
pub fn document_problems(document: String) -> Result<Vec<String>> {
    let d = Document::from_yaml(&document)?;
    Ok(d.problems()
        .into_iter()
        .map(|(path, reason)| format!("{path}: {reason}"))
        .collect())
}

#[uniffi::export(async_runtime = "tokio")]
impl Client {
    /// The whole account (subusers, then teammates) as a YAML document. Passwords and website
    /// access are never exported; with on-behalf-of, only the teammates.
    pub async fn export(&self) -> Result<String> {
        Ok(self.inner.export().await?.to_yaml()?)
    }

    /// The changes that make the account match `document` (YAML or JSON text); nothing is
    /// changed. Every problem of the document is reported at once (`InvalidInput`), before any
    /// request. `prune`: also plan the deletion of what the document does not list.
    pub async fn plan(&self, document: String, prune: bool) -> Result<Plan> {
        let d = Document::from_yaml(&document)?;
        Ok(self.inner.plan(&d, &PlanOptions { prune }).await?.into())
    }

    /// Applies a plan, `concurrency` changes at a time (default 8); one outcome per change. A
    /// change whose item changed since the plan fails with `Conflict`; one already applied
    /// succeeds without writing, so applying again converges.
    pub async fn apply(
        &self,
        plan: Plan,
        concurrency: Option<u32>,
        listener: Option<Arc<dyn BulkProgressListener>>,
    ) -> Result<Vec<ApplyOutcome>> {
        let p = plan.into_core()?;
        let o = options(concurrency, listener);
        Ok(self
            .inner
            .apply(&p, &o)
            .await
            .into_iter()
            .map(|b| ApplyOutcome {
                change: b.item.into(),
                error: b.result.err().map(Into::into),
            })
            .collect())
    }
}
