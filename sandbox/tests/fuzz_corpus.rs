//! Replays the committed corpus of the `sandbox_requests` fuzz target (`fuzz/corpus/`) on
//! stable: every kept request still gets a complete answer that is not a server error.

#[test]
fn sandbox_requests_corpus() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/sandbox_requests");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("the corpus is committed") {
        let path = entry.expect("a directory entry").path();
        sendgrid_admin_sandbox::fuzzing::request(&std::fs::read(&path).expect("a corpus file"));
        n += 1;
    }
    assert!(n > 0);
}
