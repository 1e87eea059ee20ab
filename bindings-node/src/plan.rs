//! `client.export()`, `client.plan(document, { prune })`, `client.apply(plan, options,
//! progress)`; documents and plans are plain objects in the file's own shape (the keys of
//! `core/schema/account.schema.json`). All behaviour is the core's `plan` module.

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::{Env, Result};
use napi_derive::napi;
use sendgrid_admin::plan::{Document, Plan as CorePlan, PlanOptions as CorePlanOptions};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::bulk::{run_options, BulkRunOptions};
use crate::client::per_call;
use crate::client::Client;
use crate::errors::{settle, thrown, to_napi, IntoNapi, JsError};
use crate::strict::{CheckedOption, Strict};

/// One field's value before and after (absent where it has none).
#[napi(object)]
#[derive(Serialize, Deserialize)]
pub struct FieldChange {
    /// The document's name of the field, e.g. "ips" or "monitor".
    pub field: String,
    /// The live value the plan was made from.
    pub before: Option<Value>,
    /// The value the document asks for.
    pub after: Option<Value>,
}

/// One planned change of one item.
#[napi(object)]
#[derive(Serialize, Deserialize)]
pub struct Change {
    /// "subuser", "teammate" or "account".
    #[napi(ts_type = "'subuser' | 'teammate' | 'account'")]
    pub resource: String,
    /// The username (subusers), email (teammates) or account id (accounts).
    pub key: String,
    /// "create", "update" or "delete".
    #[napi(ts_type = "'create' | 'update' | 'delete'")]
    pub action: String,
    /// The fields that change.
    pub fields: Vec<FieldChange>,
    /// For a teammate: the live username, or the pending invitation's token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// For a teammate: whether the live item is a pending invitation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending: Option<bool>,
    /// For a teammate: written through the SSO calls.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sso: Option<bool>,
}

/// An item the account has beyond the document.
#[napi(object)]
#[derive(Serialize, Deserialize)]
pub struct Unmanaged {
    /// "subuser", "teammate" or "account".
    #[napi(ts_type = "'subuser' | 'teammate' | 'account'")]
    pub resource: String,
    /// Username or email.
    pub key: String,
}

/// The ordered changes that make an account match a document (deletions last).
#[napi(object)]
#[derive(Serialize, Deserialize)]
pub struct Plan {
    /// The changes.
    pub changes: Vec<Change>,
    /// What the account has beyond the document (left alone without `prune`).
    pub unmanaged: Vec<Unmanaged>,
    /// Differences the API cannot change and fields it cannot read.
    pub warnings: Vec<String>,
}

/// Options of `client.plan(...)`.
#[napi(object)]
#[derive(Default)]
pub struct PlanOptions {
    /// Also plan the deletion of what the document does not list (default false).
    pub prune: Option<bool>,
}

/// The outcome of one change of `client.apply(...)`.
#[napi(object, object_from_js = false)]
pub struct ApplyOutcome {
    /// The change.
    pub item: Change,
    /// Whether it was applied (or already was).
    pub ok: bool,
    /// Why it failed ("conflict": the item changed since the plan).
    #[napi(ts_type = "import('./sendgrid-admin').SendGridError")]
    pub error: Option<JsError>,
}

fn convert<A: Serialize, B: serde::de::DeserializeOwned>(field: &str, a: &A) -> Result<B> {
    serde_json::to_value(a)
        .and_then(serde_json::from_value)
        .map_err(|e| to_napi(sendgrid_admin::Error::invalid(field, e.to_string())))
}

/// A document given as YAML/JSON text or as an object.
fn document(v: Value) -> Result<Document> {
    match v {
        Value::String(text) => Document::from_yaml(&text).into_napi(),
        v => serde_json::from_value(v)
            .map_err(|e| to_napi(sendgrid_admin::Error::invalid("document", e.to_string()))),
    }
}

/// Reads a YAML (or JSON) document; an unknown key names its line.
#[napi(ts_return_type = "Record<string, any>")]
#[cfg_attr(test, allow(dead_code))] // registered with Node by the macro outside tests
pub fn document_from_yaml(env: Env, text: String) -> Result<Value> {
    thrown(&env, || {
        let d = Document::from_yaml(&text).into_napi()?;
        convert("document", &d)
    })
}

/// A document object as YAML.
#[napi]
#[cfg_attr(test, allow(dead_code))] // registered with Node by the macro outside tests
pub fn document_to_yaml(
    env: Env,
    #[napi(ts_arg_type = "Record<string, any>")] document: Value,
) -> Result<String> {
    thrown(&env, || self::document(document)?.to_yaml().into_napi())
}

/// A plan for people: `+` create, `~` update (before -> after), `-` delete.
#[napi]
#[cfg_attr(test, allow(dead_code))] // registered with Node by the macro outside tests
pub fn plan_to_text(env: Env, plan: Plan, colour: Option<bool>) -> Result<String> {
    thrown(&env, || {
        let p: CorePlan = convert("plan", &plan)?;
        Ok(p.to_text(colour.unwrap_or(false)))
    })
}

/// Whether a plan has nothing to do (drift detection in CI: `if (!planIsEmpty(plan)) …`).
#[napi]
#[cfg_attr(test, allow(dead_code))] // registered with Node by the macro outside tests
pub fn plan_is_empty(plan: Plan) -> bool {
    plan.changes.is_empty()
}

#[napi]
impl Client {
    /// The whole account (subusers, then teammates) as a document object. Passwords and
    /// website access are never exported; with on-behalf-of, only the teammates.
    #[napi(ts_return_type = "Promise<Record<string, any>>")]
    pub fn export<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Value>> {
        let c = per_call(env, self.core(), call);
        settle(env, async move {
            let c = c?;
            let d = c.export().await.into_napi()?;
            convert("document", &d)
        })
    }

    /// The changes that make the account match `document` (YAML/JSON text or an object);
    /// nothing is changed. Every problem of the document is reported at once (code
    /// "invalid_input"), before any request.
    #[napi]
    pub fn plan<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "string | Record<string, any>")] document: Value,
        #[napi(ts_arg_type = "PlanOptions")] options: Option<Strict<PlanOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Plan>> {
        let c = per_call(env, self.core(), call);
        settle(env, async move {
            let c = c?;
            let prune = options
                .checked()?
                .unwrap_or_default()
                .prune
                .unwrap_or(false);
            let doc = self::document(document)?;
            let p = c.plan(&doc, &CorePlanOptions { prune }).await.into_napi()?;
            convert("plan", &p)
        })
    }

    /// Applies a plan, `concurrency` changes at a time; one outcome per change. A change whose
    /// item changed since the plan fails with "conflict"; one already applied succeeds without
    /// writing, so applying again converges.
    #[napi]
    pub fn apply<'e>(
        &self,
        env: &'e Env,
        plan: Plan,
        #[napi(ts_arg_type = "BulkRunOptions")] options: Option<Strict<BulkRunOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<ApplyOutcome>>> {
        let c = per_call(env, self.core(), call);
        settle(env, async move {
            let c = c?;
            let p: CorePlan = convert("plan", &plan)?;
            let o = run_options(options.checked()?)?;
            c.apply(&p, &o)
                .await
                .into_iter()
                .map(|b| {
                    Ok(ApplyOutcome {
                        item: convert("plan", &b.item)?,
                        ok: b.result.is_ok(),
                        error: b.result.err().map(JsError),
                    })
                })
                .collect()
        })
    }
}
