//! Decoding errors of what a person wrote (a document, a Python dict) in plain words, with the
//! path of the value in the caller's own terms: `subusers[0].monitor.frequency: expected a whole
//! number, got the text "often"`, never serde's `invalid type: string "often", expected u64`.

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// serde's name of an expected type, in words.
fn expected(what: &str) -> String {
    let w = what.trim();
    let words = match w {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number ≥ 0",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a boolean" => "true or false",
        "a string" | "a borrowed string" | "a character" => "text",
        "a sequence" => "a list",
        "a map" => "a mapping of keys to values",
        "unit" => "nothing (null)",
        _ if w.starts_with("struct ") || w.starts_with("a map") => "a mapping of keys to values",
        _ if w.starts_with("a sequence") => "a list",
        _ => return w.replace('`', "'"),
    };
    words.to_string()
}

/// serde's description of an unexpected value, in words.
fn got(what: &str) -> String {
    let w = what.trim();
    if let Some(s) = w.strip_prefix("string ") {
        return format!("the text {s}");
    }
    for (prefix, as_words) in [("integer ", ""), ("floating point ", ""), ("boolean ", "")] {
        if let Some(v) = w.strip_prefix(prefix) {
            return format!("{as_words}{}", v.trim_matches('`'));
        }
    }
    match w {
        "sequence" => "a list".into(),
        "map" => "a mapping".into(),
        "unit value" | "unit" => "null".into(),
        other => other.replace('`', "'"),
    }
}

/// A serde message (JSON or YAML) in plain words, without a position: `missing field `x`` is
/// `missing key 'x'`, `invalid type: string "a", expected u64` is `expected a whole number ≥ 0,
/// got the text "a"`.
pub fn words(message: &str) -> String {
    let mut m = message.trim().to_string();
    if let Some(at) = m.find(" at line ") {
        m.truncate(at);
    }
    if let Some(rest) = m.strip_prefix("missing field ") {
        return format!("missing key {}", rest.replace('`', "'"));
    }
    if let Some(rest) = m.strip_prefix("unknown field ") {
        return format!("unknown key {}", rest.replace('`', "'"));
    }
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        return format!("unknown value {}", rest.replace('`', "'"));
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = m.strip_prefix(prefix) {
            if let Some((value, want)) = rest.rsplit_once(", expected ") {
                return format!("expected {}, got {}", expected(want), got(value));
            }
        }
    }
    if let Some(rest) = m.strip_prefix("invalid length ") {
        if let Some((n, want)) = rest.split_once(", expected ") {
            return format!("expected {}, got {n} item(s)", expected(want));
        }
    }
    m.replace('`', "'")
}

/// A path from serde_path_to_error as the caller writes it: `subuser_access[0].subuser`, with
/// `root` in front (`.` alone, the root itself, is dropped).
fn path(root: &str, p: &serde_path_to_error::Path) -> String {
    let inner = p.to_string();
    match inner.as_str() {
        "." | "" => root.to_string(),
        s if s.starts_with('[') => format!("{root}{s}"),
        s if root.is_empty() => s.to_string(),
        s => format!("{root}.{s}"),
    }
}

/// Reads JSON text made from the caller's own value (a Python dict, a JS object) as `T`; a
/// problem is `invalid_input` naming the path in the caller's terms and saying it in words,
/// never a JSON line and column the caller never wrote.
pub fn from_json_text<T: DeserializeOwned>(field: &str, text: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let at = path(field, e.path());
        Error::invalid(at, words(&e.into_inner().to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Grant {
        subuser: String,
        scopes: Vec<String>,
    }

    #[test]
    fn serde_messages_read_as_words() {
        assert_eq!(
            words("invalid type: string \"often\", expected u64 at line 3 column 39"),
            "expected a whole number ≥ 0, got the text \"often\""
        );
        assert_eq!(words("missing field `subuser`"), "missing key 'subuser'");
        assert_eq!(
            words("invalid type: integer `5`, expected a sequence"),
            "expected a list, got 5"
        );
    }

    #[test]
    fn a_python_dict_problem_names_its_keys_and_positions() {
        let e =
            from_json_text::<Vec<Grant>>("subuser_access", r#"[{"username": "a", "scopes": []}]"#)
                .unwrap_err();
        assert_eq!(e.field(), Some("subuser_access[0].username"));
        assert!(
            e.to_string()
                .contains("unknown key 'username', expected 'subuser' or 'scopes'"),
            "{e}"
        );
        let e = from_json_text::<Vec<Grant>>("subuser_access", r#"[{"scopes": []}]"#).unwrap_err();
        assert_eq!(e.field(), Some("subuser_access[0]"));
        assert_eq!(
            e.to_string(),
            "invalid subuser_access[0]: missing key 'subuser'"
        );
        let e =
            from_json_text::<Vec<Grant>>("subuser_access", r#"[{"subuser": "a", "scopes": "x"}]"#)
                .unwrap_err();
        assert_eq!(e.field(), Some("subuser_access[0].scopes"));
        assert!(!e.to_string().contains("line"), "{e}");
    }
}
