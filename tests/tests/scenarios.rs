//! Every scenario in tests/scenarios/ through the Rust core. A plain `main` (harness = false)
//! so that each scenario counts as one test: it prints `ok`/`FAIL` per file and
//! `scenarios: N passed, N failed`.

use std::path::PathBuf;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    files.sort();
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let (mut passed, mut failed) = (0, 0);
    for f in &files {
        let name = f
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if !filter.is_empty() && !filter.iter().any(|x| name.contains(x.as_str())) {
            continue;
        }
        match sendgrid_admin_scenarios::run_file(f).await {
            Ok(()) => {
                passed += 1;
                println!("ok   {name}");
            }
            Err(e) => {
                failed += 1;
                println!("FAIL {name}: {e}");
            }
        }
    }
    match sendgrid_admin_scenarios::check_manifest() {
        Ok(()) => {
            passed += 1;
            println!("ok   operations.json matches the Rust runner");
        }
        Err(e) => {
            failed += 1;
            println!("FAIL operations.json: {e}");
        }
    }
    if files.len() < 15 {
        println!("FAIL expected at least 15 scenarios, found {}", files.len());
        failed += 1;
    }
    println!("scenarios: {passed} passed, {failed} failed");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
