//! Python classes for the core's models: typed read-only attributes, `repr` (never a secret:
//! no model holds one), `==`, and `to_dict()` (the core's JSON form).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde::Serialize;
use serde_json::Value;

use sendgrid_admin as core;

/// A JSON value as the equivalent Python object.
pub fn json_to_py(py: Python<'_>, v: &Value) -> PyResult<Py<PyAny>> {
    Ok(match v {
        Value::Null => py.None(),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any().unbind(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.into_pyobject(py)?.into_any().unbind(),
            (_, Some(u), _) => u.into_pyobject(py)?.into_any().unbind(),
            (_, _, f) => f.unwrap_or(f64::NAN).into_pyobject(py)?.into_any().unbind(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any().unbind(),
        Value::Array(a) => {
            let list = PyList::empty(py);
            for x in a {
                list.append(json_to_py(py, x)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(o) => {
            let d = PyDict::new(py);
            for (k, x) in o {
                d.set_item(k, json_to_py(py, x)?)?;
            }
            d.into_any().unbind()
        }
    })
}

/// The serde name of an enum value (`Region::Eu` → `"eu"`).
pub fn tag<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, x)| format!("'{k}': {}", py_repr(x)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        n => n.to_string(),
    }
}

/// `Name(field=value, ...)` from the model's JSON form.
pub fn repr<T: Serialize>(name: &str, v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::Object(o)) => format!(
            "{name}({})",
            o.iter()
                .map(|(k, x)| format!("{k}={}", py_repr(x)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Ok(other) => format!("{name}({})", py_repr(&other)),
        Err(_) => format!("{name}(?)"),
    }
}

/// Declares a Python class wrapping a core model, with one getter per listed attribute.
macro_rules! model {
    ($(#[$doc:meta])* $name:ident($core:ty) { $( $(#[$fdoc:meta])* $field:ident : $ty:ty = |$v:ident| $conv:expr ;)* }) => {
        $(#[$doc])*
        #[pyclass(frozen, module = "sendgrid_admin")]
        #[derive(Clone)]
        pub struct $name(pub $core);

        #[pymethods]
        impl $name {
            $(
                $(#[$fdoc])*
                #[getter]
                fn $field(&self) -> $ty {
                    let $v = &self.0;
                    $conv
                }
            )*

            fn __repr__(&self) -> String {
                repr(stringify!($name), &self.0)
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other.cast::<Self>().map(|o| o.get().0 == self.0).unwrap_or(false)
            }

            /// The model as a plain dict (SendGrid's field names).
            fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
                let v = serde_json::to_value(&self.0)
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
                json_to_py(py, &v)
            }
        }

        impl From<$core> for $name {
            fn from(v: $core) -> Self {
                $name(v)
            }
        }
    };
}

model!(
    /// One entry of SendGrid's `errors[]`.
    ErrorDetail(core::ApiErrorDetail) {
        /// The field SendGrid blames, if any.
        field: Option<String> = |v| v.field.clone();
        /// The message.
        message: String = |v| v.message.clone();
        /// Help text or a docs link, as JSON text.
        help: Option<String> = |v| v.help.as_ref().map(|h| h.to_string());
    }
);

model!(
    /// A subuser.
    Subuser(core::subusers::Subuser) {
        /// Numeric id.
        id: u64 = |v| v.id;
        /// Username.
        username: String = |v| v.username.clone();
        /// Contact email.
        email: String = |v| v.email.clone();
        /// Whether the subuser is disabled.
        disabled: bool = |v| v.disabled;
        /// "global" or "eu", when include_region was asked for.
        region: Option<String> = |v| v.region.as_ref().map(tag);
    }
);

model!(
    /// The answer to creating a subuser.
    CreatedSubuser(core::subusers::CreatedSubuser) {
        /// Username.
        username: String = |v| v.username.clone();
        /// The new subuser's id.
        user_id: u64 = |v| v.user_id;
        /// Contact email.
        email: String = |v| v.email.clone();
        /// The credit allocation type, e.g. "unlimited".
        credit_allocation_type: Option<String> = |v| v.credit_allocation_type.clone();
        /// "global" or "eu", when include_region was asked for.
        region: Option<String> = |v| v.region.as_ref().map(tag);
    }
);

model!(
    /// The IPs assigned to a subuser.
    SubuserIps(core::ips::SubuserIps) {
        /// IPv4 addresses.
        ips: Vec<String> = |v| v.ips.clone();
    }
);

model!(
    /// A subuser's reputation.
    Reputation(core::reputations::Reputation) {
        /// Username.
        username: String = |v| v.username.clone();
        /// Reputation, 0-100.
        reputation: f64 = |v| v.reputation;
    }
);

model!(
    /// A subuser's credits.
    SubuserCredits(core::credits::SubuserCredits) {
        /// "unlimited", "recurring" or "nonrecurring".
        r#type: String = |v| tag(&v.kind);
        /// "monthly", "weekly" or "daily" for recurring credits.
        reset_frequency: Option<String> = |v| v.reset_frequency.as_ref().map(tag);
        /// Credits left.
        remain: Option<u64> = |v| v.remain;
        /// Credits per period.
        total: Option<u64> = |v| v.total;
        /// Credits used.
        used: Option<u64> = |v| v.used;
    }
);

model!(
    /// A subuser's monitor settings: a copy of every `frequency`-th email goes to `email`.
    Monitor(core::monitor::Monitor) {
        /// Where samples go.
        email: String = |v| v.email.clone();
        /// Every how many emails.
        frequency: u64 = |v| v.frequency;
    }
);

model!(
    /// The 16 email counters.
    Metrics(core::stats::Metrics) {
        /// blocks
        blocks: u64 = |v| v.blocks;
        /// bounce_drops
        bounce_drops: u64 = |v| v.bounce_drops;
        /// bounces
        bounces: u64 = |v| v.bounces;
        /// clicks
        clicks: u64 = |v| v.clicks;
        /// deferred
        deferred: u64 = |v| v.deferred;
        /// delivered
        delivered: u64 = |v| v.delivered;
        /// invalid_emails
        invalid_emails: u64 = |v| v.invalid_emails;
        /// opens
        opens: u64 = |v| v.opens;
        /// processed
        processed: u64 = |v| v.processed;
        /// requests
        requests: u64 = |v| v.requests;
        /// spam_report_drops
        spam_report_drops: u64 = |v| v.spam_report_drops;
        /// spam_reports
        spam_reports: u64 = |v| v.spam_reports;
        /// unique_clicks
        unique_clicks: u64 = |v| v.unique_clicks;
        /// unique_opens
        unique_opens: u64 = |v| v.unique_opens;
        /// unsubscribe_drops
        unsubscribe_drops: u64 = |v| v.unsubscribe_drops;
        /// unsubscribes
        unsubscribes: u64 = |v| v.unsubscribes;
    }
);

model!(
    /// One row of statistics.
    StatEntry(core::stats::StatEntry) {
        /// Usually "subuser".
        r#type: Option<String> = |v| v.kind.clone();
        /// The subuser's username.
        name: Option<String> = |v| v.name.clone();
        /// First name (monthly statistics).
        first_name: Option<String> = |v| v.first_name.clone();
        /// Last name (monthly statistics).
        last_name: Option<String> = |v| v.last_name.clone();
        /// The counters.
        metrics: Metrics = |v| Metrics(v.metrics);
    }
);

model!(
    /// Statistics for one date.
    DatedStats(core::stats::DatedStats) {
        /// YYYY-MM-DD.
        date: String = |v| v.date.clone();
        /// One row per subuser.
        stats: Vec<StatEntry> = |v| v.stats.iter().cloned().map(StatEntry).collect();
    }
);

model!(
    /// A teammate.
    Teammate(core::teammates::Teammate) {
        /// Username.
        username: String = |v| v.username.clone();
        /// Email.
        email: String = |v| v.email.clone();
        /// First name.
        first_name: Option<String> = |v| v.first_name.clone();
        /// Last name.
        last_name: Option<String> = |v| v.last_name.clone();
        /// "owner", "admin" or "teammate".
        user_type: Option<String> = |v| v.user_type.as_ref().map(tag);
        /// Admin teammate.
        is_admin: bool = |v| v.is_admin;
        /// Scopes (get and update_permissions only).
        scopes: Vec<String> = |v| v.scopes.clone();
        /// Phone.
        phone: Option<String> = |v| v.phone.clone();
        /// Website.
        website: Option<String> = |v| v.website.clone();
        /// Company.
        company: Option<String> = |v| v.company.clone();
        /// Address line 1.
        address: Option<String> = |v| v.address.clone();
        /// Address line 2.
        address2: Option<String> = |v| v.address2.clone();
        /// City.
        city: Option<String> = |v| v.city.clone();
        /// State.
        state: Option<String> = |v| v.state.clone();
        /// Postal code.
        zip: Option<String> = |v| v.zip.clone();
        /// Country.
        country: Option<String> = |v| v.country.clone();
    }
);

model!(
    /// An invitation (sent or pending).
    Invitation(core::teammates::Invitation) {
        /// The invite token.
        token: String = |v| v.token.clone();
        /// Invited email.
        email: String = |v| v.email.clone();
        /// Scopes offered.
        scopes: Vec<String> = |v| v.scopes.clone();
        /// Admin invitation.
        is_admin: bool = |v| v.is_admin;
        /// Expiry (epoch seconds), in the pending list.
        expiration_date: Option<u64> = |v| v.expiration_date;
    }
);

model!(
    /// One subuser a teammate can act for.
    SubuserAccess(core::teammates::SubuserAccess) {
        /// Subuser id.
        id: u64 = |v| v.id;
        /// Subuser username.
        username: String = |v| v.username.clone();
        /// Subuser email.
        email: String = |v| v.email.clone();
        /// Whether the subuser is disabled.
        disabled: bool = |v| v.disabled;
        /// "admin" or "restricted".
        permission_type: Option<String> = |v| v.permission_type.as_ref().map(tag);
        /// Scopes on that subuser.
        scopes: Vec<String> = |v| v.scopes.clone();
    }
);

model!(
    /// One page of a teammate's subuser access.
    SubuserAccessPage(core::teammates::SubuserAccessPage) {
        /// True when the teammate is limited to the listed subusers.
        has_restricted_subuser_access: bool = |v| v.has_restricted_subuser_access;
        /// The subusers on this page.
        subuser_access: Vec<SubuserAccess> = |v| v.subuser_access.iter().cloned().map(SubuserAccess).collect();
        /// The next page's `after_subuser_id`, or None on the last page.
        next_after_subuser_id: Option<u64> = |v| v.next_after_subuser_id;
    }
);

model!(
    /// A teammate's request for more scopes.
    AccessRequest(core::scopes::AccessRequest) {
        /// Request id.
        id: u64 = |v| v.id;
        /// Scope group asked for.
        scope_group_name: String = |v| v.scope_group_name.clone();
        /// Teammate username.
        username: String = |v| v.username.clone();
        /// Teammate email.
        email: String = |v| v.email.clone();
        /// First name.
        first_name: Option<String> = |v| v.first_name.clone();
        /// Last name.
        last_name: Option<String> = |v| v.last_name.clone();
    }
);

model!(
    /// The answer to approving an access request.
    ApprovedAccessRequest(core::scopes::ApprovedAccessRequest) {
        /// The scope group granted.
        scope_group_name: String = |v| v.scope_group_name.clone();
    }
);

model!(
    /// Progress of a bulk job.
    BulkProgress(core::bulk::BulkProgress) {
        /// Items finished.
        done: usize = |v| v.done;
        /// Items failed so far.
        failed: usize = |v| v.failed;
        /// Items in the job.
        total: usize = |v| v.total;
    }
);

/// Registers the model classes on the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ErrorDetail>()?;
    m.add_class::<Subuser>()?;
    m.add_class::<CreatedSubuser>()?;
    m.add_class::<SubuserIps>()?;
    m.add_class::<Reputation>()?;
    m.add_class::<SubuserCredits>()?;
    m.add_class::<Monitor>()?;
    m.add_class::<Metrics>()?;
    m.add_class::<StatEntry>()?;
    m.add_class::<DatedStats>()?;
    m.add_class::<Teammate>()?;
    m.add_class::<Invitation>()?;
    m.add_class::<SubuserAccess>()?;
    m.add_class::<SubuserAccessPage>()?;
    m.add_class::<AccessRequest>()?;
    m.add_class::<ApprovedAccessRequest>()?;
    m.add_class::<BulkProgress>()?;
    Ok(())
}
