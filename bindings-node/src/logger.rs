//! The `logger` option: the core's `tracing` events of one client (each attempt, retry and
//! pacing wait; never the key) delivered to a JS function as `{ level, target, message,
//! fields }`, on the JS thread, in order, before the promise of the call they belong to settles.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use napi_derive::napi;
use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

use crate::callback::JsCallback;

/// One event of the core, as the `logger` option receives it.
#[napi(object, object_from_js = false)]
pub struct LogRecord {
    /// "error", "warn", "info", "debug" or "trace".
    #[napi(ts_type = "'error' | 'warn' | 'info' | 'debug' | 'trace'")]
    pub level: String,
    /// Where it comes from, e.g. "sendgrid_admin::transport".
    pub target: String,
    /// What happened, e.g. "attempt".
    pub message: String,
    /// The event's fields as text (method, path, status, request_id, wait_ms, ...).
    pub fields: HashMap<String, String>,
}

#[derive(Default)]
struct Fields {
    message: String,
    fields: HashMap<String, String>,
}

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.message = value.to_string();
        } else {
            self.fields
                .insert(field.name().to_string(), value.to_string());
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let mut text = String::new();
        let _ = write!(text, "{value:?}");
        if field.name() == "message" {
            self.message = text;
        } else {
            self.fields.insert(field.name().to_string(), text);
        }
    }
}

/// Forwards the core's events to the JS function.
struct ToJs(Arc<JsCallback>);

impl<S: Subscriber> Layer<S> for ToJs {
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        let meta = event.metadata();
        if !meta.target().starts_with("sendgrid_admin") {
            return;
        }
        let mut f = Fields::default();
        event.record(&mut f);
        self.0.call(LogRecord {
            level: meta.level().as_str().to_ascii_lowercase(),
            target: meta.target().to_string(),
            message: f.message,
            fields: f.fields,
        });
    }
}

/// The dispatch a client with a `logger` sends its events to.
pub fn dispatch(logger: JsCallback) -> tracing::Dispatch {
    tracing::Dispatch::new(tracing_subscriber::registry().with(ToJs(Arc::new(logger))))
}
