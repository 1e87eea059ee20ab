#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sendgrid_admin::fuzzing::rate_limit(data));
