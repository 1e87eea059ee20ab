//! Tolerant decoders for the places where SendGrid's answers disagree with its own spec:
//! ids declared as `number` that arrive as floats, `null` where a list or flag is expected,
//! and the string `"null"` used as a field name.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

fn number_to_u64(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64().or_else(|| {
            // Negative (a count or id cannot be) reads as 0; a fraction is truncated; the
            // published schemas type many of these as plain `number`, so mock servers send both.
            n.as_f64()
                .filter(|f| f.is_finite())
                .map(|f| f.max(0.0).min(u64::MAX as f64) as u64)
        }),
        // Some endpoints send numeric ids as strings ("limit": "100" in next_params).
        Value::String(s) => {
            let t = s.trim();
            t.parse::<u64>().ok().or_else(|| {
                t.parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite())
                    .map(|f| f.max(0.0).min(u64::MAX as f64) as u64)
            })
        }
        _ => None,
    }
}

/// A non-negative integer that may be sent as an integer, a float (truncated toward zero), a
/// negative number (read as 0) or a numeric string.
pub fn u64_lenient<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let v = Value::deserialize(d)?;
    number_to_u64(&v).ok_or_else(|| {
        serde::de::Error::custom(format!("expected a non-negative integer, got {v}"))
    })
}

/// Like [`u64_lenient`], `null` or absent giving `None`.
pub fn opt_u64_lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    let v = Value::deserialize(d)?;
    if v.is_null() {
        return Ok(None);
    }
    number_to_u64(&v).map(Some).ok_or_else(|| {
        serde::de::Error::custom(format!("expected a non-negative integer, got {v}"))
    })
}

/// Any value whose `null` means "the default" (an empty list, `false`, an empty string).
pub fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A string that may be `null`.
pub fn string_or_default<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    null_default(d)
}

/// An optional string where `null` and the string `"null"` both mean absent.
pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s = Option::<String>::deserialize(d)?;
    Ok(s.filter(|s| s != "null"))
}

/// A list of strings whose items the spec leaves untyped: non-string items keep their JSON text.
pub fn string_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let v = Option::<Vec<Value>>::deserialize(d)?.unwrap_or_default();
    Ok(v.into_iter()
        .map(|x| match x {
            Value::String(s) => s,
            other => other.to_string(),
        })
        .collect())
}

/// An optional whole number the spec types as a plain `number` (epoch seconds): integers,
/// floats (truncated toward zero) and numeric strings are read; `null` is `None`.
pub fn opt_i64_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(match &v {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.is_finite()).map(|f| f as i64)),
        Value::String(s) => s.trim().parse::<f64>().ok().map(|f| f as i64),
        _ => None,
    })
}

/// A count: like [`u64_lenient`], with `null` read as 0.
pub fn count<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    Ok(opt_u64_lenient(d)?.unwrap_or(0))
}
