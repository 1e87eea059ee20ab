//! The names values have on the wire, one rule for every binding and the CLI.

use serde::Serialize;
use serde_json::Value;

/// The name SendGrid uses for an enum value, which is its serde name (`Region::Eu` → `"eu"`,
/// an unknown value kept as sent → that text).
pub fn wire_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::wire_name;
    use crate::accounts::OfferingType;

    #[test]
    fn an_enum_value_is_its_serde_name() {
        assert_eq!(wire_name(&OfferingType::Addon), "addon");
        assert_eq!(wire_name(&OfferingType::Other("bundle".into())), "bundle");
    }
}
