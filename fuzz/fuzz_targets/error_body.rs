#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sendgrid_admin::fuzzing::error_body(data));
