//! Declarative administration: [`Client::export`] the account as a [`Document`],
//! [`Client::plan`] the changes that make the account match a document, and
//! [`Client::apply`] them through the bulk machinery (concurrency, pacing, retries), one
//! outcome per change.
//!
//! Fields a document leaves out are not managed. Deletions are planned only with
//! [`PlanOptions::prune`]; without it, what the account has beyond the document is listed in
//! [`Plan::unmanaged`]. Before changing an item, apply reads it again: an item that changed
//! since the plan fails with `conflict` (plan again), one that already matches is left alone,
//! so an interrupted apply, run again, converges.

mod apply;
mod diff;
mod document;
mod export;
mod live;
mod teammates;

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(test)]
use crate::client::Client;

pub use document::{schema, AccountSpec, Document, SubuserSpec, TeammateSpec};
pub use export::ExportItem;

/// What a change is made to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Resource {
    /// A subuser, keyed by username.
    Subuser,
    /// A teammate (or a pending invitation), keyed by email.
    Teammate,
    /// A customer account, keyed by account id (only ever updated).
    Account,
}

impl Resource {
    /// The resource's name as plans show it.
    pub fn as_str(self) -> &'static str {
        match self {
            Resource::Subuser => "subuser",
            Resource::Teammate => "teammate",
            Resource::Account => "account",
        }
    }
}

/// What a change does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Action {
    /// Creates the item (a teammate: sends the invitation).
    Create,
    /// Changes some of its fields.
    Update,
    /// Deletes it (only planned with `prune`).
    Delete,
}

/// One field's value before and after; `None` where it has none (a new item's `before`, a
/// deleted item's `after`, `monitor` when there is none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The document's name of the field, e.g. `ips` or `monitor`.
    pub field: String,
    /// The live value the plan was made from.
    pub before: Option<Value>,
    /// The value the document asks for.
    pub after: Option<Value>,
}

/// One planned change of one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Subuser or teammate.
    pub resource: Resource,
    /// The username (subusers) or email (teammates).
    pub key: String,
    /// Create, update or delete.
    pub action: Action,
    /// The fields that change, in document order.
    pub fields: Vec<FieldChange>,
    /// For a teammate: the live username, or the pending invitation's token when `pending`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// For a teammate: whether the live item is a pending invitation.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pending: bool,
    /// For a teammate: written through the SSO calls (`create_sso`, `update_sso`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sso: bool,
}

impl Change {
    /// The field's change, if this change has one.
    pub fn field(&self, name: &str) -> Option<&FieldChange> {
        self.fields.iter().find(|f| f.field == name)
    }
}

/// An item the account has and the document does not list (left alone without `prune`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Unmanaged {
    /// Subuser or teammate.
    pub resource: Resource,
    /// Username or email.
    pub key: String,
}

/// How [`Client::plan`] plans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanOptions {
    /// Plan the deletion of subusers and teammates the document does not list.
    #[serde(default)]
    pub prune: bool,
}

/// The changes that make the account match a document, in the order they are applied.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The changes, creates and updates first, deletions last.
    pub changes: Vec<Change>,
    /// What the account has beyond the document (empty with `prune`).
    pub unmanaged: Vec<Unmanaged>,
    /// Differences the API cannot change (e.g. a subuser's email or region), and fields it
    /// cannot read (website access), one sentence each.
    pub warnings: Vec<String>,
}

impl Plan {
    /// Whether there is nothing to do.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many changes of each action: (create, update, delete).
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |a| self.changes.iter().filter(|c| c.action == a).count();
        (n(Action::Create), n(Action::Update), n(Action::Delete))
    }

    /// The plan for people: `+` create, `~` update (with `before -> after`), `-` delete, then
    /// the unmanaged items, the warnings and a summary line. With `colour`, ANSI colours.
    pub fn to_text(&self, colour: bool) -> String {
        let paint = |code: &str, s: String| {
            if colour {
                format!("\x1b[{code}m{s}\x1b[0m")
            } else {
                s
            }
        };
        let show = |v: &Option<Value>| match v {
            None | Some(Value::Null) => "none".to_string(),
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
        };
        let mut out = String::new();
        for c in &self.changes {
            let what = c.resource.as_str();
            let (sign, code) = match c.action {
                Action::Create => ("+", "32"),
                Action::Update => ("~", "33"),
                Action::Delete => ("-", "31"),
            };
            let sso = if c.sso { " (sso)" } else { "" };
            out.push_str(&paint(code, format!("{sign} {what} {}{sso}", c.key)));
            out.push('\n');
            for f in &c.fields {
                let line = match c.action {
                    Action::Create => format!("    {}: {}", f.field, show(&f.after)),
                    Action::Update => {
                        format!("    {}: {} -> {}", f.field, show(&f.before), show(&f.after))
                    }
                    Action::Delete => continue,
                };
                out.push_str(&line);
                out.push('\n');
            }
        }
        for u in &self.unmanaged {
            let note = match u.resource {
                Resource::Account => "not managed; apply never deletes accounts",
                _ => "not managed; --prune deletes it",
            };
            out.push_str(&format!("  {} {} ({note})\n", u.resource.as_str(), u.key));
        }
        for w in &self.warnings {
            out.push_str(&paint("2", format!("warning: {w}")));
            out.push('\n');
        }
        let (c, u, d) = self.counts();
        out.push_str(&format!(
            "Plan: {c} to create, {u} to update, {d} to delete, {} not managed.\n",
            self.unmanaged.len()
        ));
        out
    }
}

/// The bindings run these futures on a shared runtime: they must be `Send + 'static` when
/// they own their arguments (a compile-time check).
#[cfg(test)]
#[allow(dead_code)]
fn futures_are_send(c: Client, d: Document, p: Plan, o: crate::bulk::BulkOptions) {
    fn is_send<T: Send + 'static>(_: T) {}
    let c2 = c.clone();
    is_send(async move { c2.export().await });
    let c3 = c.clone();
    is_send(async move { c3.plan(&d, &PlanOptions::default()).await });
    is_send(async move { c.apply(&p, &o).await });
}
