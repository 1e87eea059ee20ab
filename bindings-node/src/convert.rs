//! Conversions from the core's models to plain JS objects, generated: [`from_core!`] derives a
//! `#[napi(object)]`'s `From<core model>` field by field through [`Conv`], which knows each
//! Rust-to-JS type change once: ids and counts (`u64`) become JS numbers, enums their SendGrid
//! string, nested models, lists and options convert element-wise, and `extra` keeps fields
//! SendGrid added.
//!
//! Why the JS types are declared here and not by `#[cfg_attr(feature = "napi", napi(object))]`
//! on the core's models (#35, tried on `Monitor` and `OfferingType` with napi 3.16 /
//! napi-derive 3.7): napi-rs has no `FromNapiValue`/`ToNapiValue` for `u64` (E0277; only
//! `BigInt` under `napi6`), and the core's ids and counts are `u64` — so the core would have to
//! change its Rust types, or JS users would get `bigint`s where they have exact numbers (refused
//! above 2^53) today; `#[serde(flatten)] extra` has no `napi(object)` counterpart either.

use serde_json::{Map, Value};

use sendgrid_admin as core;

/// One field's change of type from the core model to the JS object.
pub trait Conv<T> {
    /// The JS-side value.
    fn conv(self) -> T;
}

macro_rules! same {
    ($($t:ty),*) => { $(impl Conv<$t> for $t { fn conv(self) -> $t { self } })* };
}
same!(String, bool, f64, i64);

/// Counts and ids: JS numbers are exact below 2^53; larger values saturate rather than wrap.
impl Conv<i64> for u64 {
    fn conv(self) -> i64 {
        i64::try_from(self).unwrap_or(i64::MAX)
    }
}

impl Conv<f64> for u64 {
    fn conv(self) -> f64 {
        self as f64
    }
}

impl<A: Conv<B>, B> Conv<Option<B>> for Option<A> {
    fn conv(self) -> Option<B> {
        self.map(Conv::conv)
    }
}

impl<A: Conv<B>, B> Conv<Vec<B>> for Vec<A> {
    fn conv(self) -> Vec<B> {
        self.into_iter().map(Conv::conv).collect()
    }
}

/// Fields SendGrid sent that this version does not model, as they were sent.
impl Conv<Map<String, Value>> for core::Extra {
    fn conv(self) -> Map<String, Value> {
        self.0.into_iter().collect()
    }
}

/// The same, on a model that is also an input (where `extra` may be left out).
impl Conv<Option<Map<String, Value>>> for core::Extra {
    fn conv(self) -> Option<Map<String, Value>> {
        Some(self.conv())
    }
}

/// Back, for a model that is also an input: fields read from SendGrid and passed back are
/// written back as they were.
impl Conv<core::Extra> for Option<Map<String, Value>> {
    fn conv(self) -> core::Extra {
        core::Extra(self.unwrap_or_default().into_iter().collect())
    }
}

/// Enums reach JS as SendGrid's strings.
macro_rules! as_tag {
    ($($t:ty),*) => { $(impl Conv<String> for $t { fn conv(self) -> String { core::wire::wire_name(&self) } })* };
}
as_tag!(
    core::Region,
    core::accounts::OfferingType,
    core::credits::CreditType,
    core::credits::ResetFrequency,
    core::teammates::UserType,
    core::teammates::PermissionType
);

/// Derives `From<core model>` for a JS object (a `#[napi(object)]` written out above it, whose
/// fields and doc comments make the `.d.ts`): each listed field is converted through [`Conv`]
/// from the core field of the same name, or of the name after `=`. A field of the object left
/// out of the list is a compile error, so the two cannot drift apart silently.
macro_rules! from_core {
    ($name:ident from $src:path: $($field:ident $(= $from:ident)?),+ $(,)?) => {
        impl From<$src> for $name {
            fn from(v: $src) -> Self {
                use $crate::convert::Conv;
                $name {
                    $( $field: Conv::conv($crate::convert::from_core!(@src v, $field $(, $from)?)), )+
                }
            }
        }

        impl $crate::convert::Conv<$name> for $src {
            fn conv(self) -> $name {
                $name::from(self)
            }
        }
    };
    (@src $v:ident, $field:ident) => { $v.$field };
    (@src $v:ident, $field:ident, $from:ident) => { $v.$from };
}
pub(crate) use from_core;

/// Converts a Vec of core values.
pub fn all<A, B: From<A>>(v: Vec<A>) -> Vec<B> {
    v.into_iter().map(B::from).collect()
}
