//! Property tests ("fuzzing") over response decoding and input validation: arbitrary bytes and
//! arbitrary JSON never panic, and whatever validation accepts is safe to send.
//! PROPTEST_CASES raises the number of cases per property (default here: 2,000).

use proptest::prelude::*;
use sendgrid_admin::credits::SubuserCredits;
use sendgrid_admin::fuzzing::{parse_error_body, parse_header_number, Rounding};
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::scopes::AccessRequest;
use sendgrid_admin::stats::DatedStats;
use sendgrid_admin::subusers::{CreatedSubuser, Subuser};
use sendgrid_admin::teammates::{Invitation, SubuserAccessPage, Teammate};
use sendgrid_admin::{validate, OnBehalfOf};
use serde_json::Value;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}

/// Arbitrary JSON, biased towards the keys our models read.
fn json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("id".to_string()),
        Just("username".to_string()),
        Just("email".to_string()),
        Just("disabled".to_string()),
        Just("user_id".to_string()),
        Just("frequency".to_string()),
        Just("type".to_string()),
        Just("remain".to_string()),
        Just("result".to_string()),
        Just("results".to_string()),
        Just("token".to_string()),
        Just("pending_id".to_string()),
        Just("scopes".to_string()),
        Just("subuser_access".to_string()),
        Just("_metadata".to_string()),
        Just("next_params".to_string()),
        Just("after_subuser_id".to_string()),
        Just("errors".to_string()),
        Just("field".to_string()),
        Just("message".to_string()),
        Just("stats".to_string()),
        Just("metrics".to_string()),
        "[a-z_]{1,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn decode_all(bytes: &[u8]) {
    let _ = serde_json::from_slice::<Vec<Subuser>>(bytes);
    let _ = serde_json::from_slice::<CreatedSubuser>(bytes);
    let _ = serde_json::from_slice::<SubuserCredits>(bytes);
    let _ = serde_json::from_slice::<Monitor>(bytes);
    let _ = serde_json::from_slice::<Teammate>(bytes);
    let _ = serde_json::from_slice::<Invitation>(bytes);
    let _ = serde_json::from_slice::<SubuserAccessPage>(bytes);
    let _ = serde_json::from_slice::<Vec<AccessRequest>>(bytes);
    let _ = serde_json::from_slice::<DatedStats>(bytes);
    let (errors, _) = parse_error_body(bytes);
    for e in errors {
        assert!(e.message.chars().count() <= 200 || serde_json::from_slice::<Value>(bytes).is_ok());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        decode_all(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(v in json()) {
        let bytes = serde_json::to_vec(&v).unwrap();
        decode_all(&bytes);
        if let Ok(p) = serde_json::from_value::<SubuserAccessPage>(v) {
            let _ = p.next_query();
        }
    }

    #[test]
    fn header_numbers_never_panic(s in ".{0,30}", f in any::<f64>()) {
        let _ = parse_header_number(&s, Rounding::Down);
        if let Some(n) = parse_header_number(&f.to_string(), Rounding::Up) {
            prop_assert!(f >= 0.0 && (n as f64) >= f.min(u64::MAX as f64) - 1.0);
        }
    }

    #[test]
    fn accepted_usernames_are_safe_header_and_path_values(s in "\\PC{0,80}|.{0,80}") {
        if validate::username("u", &s).is_ok() {
            prop_assert!(!s.trim().is_empty() && s.chars().count() <= validate::MAX_USERNAME_LEN);
            prop_assert!(!s.contains('\r') && !s.contains('\n'));
            let h = OnBehalfOf::subuser(s.clone()).header_value().unwrap();
            prop_assert!(!h.contains('\n'));
        }
    }

    #[test]
    fn validators_never_panic(s in ".{0,300}", n in any::<u32>()) {
        let _ = validate::email("e", &s);
        let _ = validate::date("d", &s);
        let _ = validate::token("t", &s);
        let _ = validate::password("p", &s);
        let _ = validate::header_value("h", &s);
        let _ = validate::ipv4_list("ips", std::slice::from_ref(&s));
        let _ = validate::range("limit", Some(n), 1, 500);
        let _ = OnBehalfOf::account(s.clone()).header_value();
        let _ = OnBehalfOf::parse(&s).header_value();
    }

    #[test]
    fn accepted_dates_have_the_documented_shape(y in 0u32..10000, m in 0u32..15, d in 0u32..35) {
        let s = format!("{y:04}-{m:02}-{d:02}");
        prop_assert_eq!(validate::date("d", &s).is_ok(), (1..=12).contains(&m) && (1..=31).contains(&d));
    }

    #[test]
    fn accepted_ips_are_ipv4(a in any::<u8>(), b in any::<u8>(), c in any::<u16>(), d in any::<u8>()) {
        let s = format!("{a}.{b}.{c}.{d}");
        prop_assert_eq!(validate::ipv4_list("ips", &[s]).is_ok(), c <= 255);
    }
}
