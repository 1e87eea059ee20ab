#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sendgrid_admin_sandbox::fuzzing::request(data));
