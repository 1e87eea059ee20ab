//! Bulk forms from a file or standard input: `--from names.txt` (one username per line) or
//! `--from monitors.csv` (CSV rows); a progress bar on a terminal, each failure on stderr, a
//! summary, a JSON report with `--output json`, and the exit code of the first failure.

use std::io::Read;
use std::sync::Arc;

use sendgrid_admin::bulk::{BulkItem, BulkOptions, BulkProgress, DEFAULT_CONCURRENCY};
use sendgrid_admin::Error;
use serde::Serialize;

use crate::output::{exit_code, print, Format};

/// Where the items are and how many calls run at once.
#[derive(clap::Args, Clone)]
pub struct From {
    /// Read the items from this file (`-` for standard input) instead of the arguments: one
    /// username per line, or CSV rows for `monitor update` / `subusers set-ips`. Blank lines
    /// and lines starting with `#` are skipped.
    #[arg(long = "from", value_name = "FILE")]
    pub file: Option<String>,
    /// Calls in flight at once (with --from).
    #[arg(long, default_value_t = DEFAULT_CONCURRENCY)]
    pub concurrency: usize,
}

fn read(file: &str) -> Result<String, Error> {
    let mut text = String::new();
    let r = if file == "-" {
        std::io::stdin().read_to_string(&mut text).map(drop)
    } else {
        std::fs::read_to_string(file).map(|t| text = t)
    };
    r.map_err(|e| Error::invalid("--from", format!("cannot read {file}: {e}")))?;
    Ok(text)
}

/// The usernames of a file, one per line.
pub fn lines(file: &str) -> Result<Vec<String>, Error> {
    Ok(read(file)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// The rows of a CSV file (no header; `#` lines skipped), each checked for `min` columns.
pub fn csv_rows(file: &str, min: usize, shape: &str) -> Result<Vec<Vec<String>>, Error> {
    let text = read(file)?;
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, row) in r.records().enumerate() {
        let row = row.map_err(|e| Error::invalid(format!("{file}:{}", i + 1), e.to_string()))?;
        let cells: Vec<String> = row.iter().map(str::to_string).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let line = row.position().map_or(i as u64 + 1, |p| p.line());
        if cells.len() < min {
            return Err(Error::invalid(
                format!("{file}:{line}"),
                format!("expected {shape}"),
            ));
        }
        out.push(cells);
    }
    Ok(out)
}

/// A progress bar on stderr (drawn only on a terminal) and the options that feed it.
pub fn progress(
    total: usize,
    concurrency: usize,
    what: &str,
) -> (indicatif::ProgressBar, BulkOptions) {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
        "{{bar:30}} {{pos}}/{{len}} {what}, {{msg}} failed, {{elapsed}}"
    )) {
        bar.set_style(style);
    }
    bar.set_message("0");
    let shown = bar.clone();
    let options = BulkOptions {
        concurrency: concurrency.max(1),
        progress: Some(Arc::new(move |p: BulkProgress| {
            shown.set_position(p.done as u64);
            shown.set_message(p.failed.to_string());
        })),
    };
    (bar, options)
}

/// Reports a finished job: each failure on stderr, a summary, the report as JSON (default) or
/// YAML on stdout (none with `--output table`); exits with the first failure's code.
pub fn report<I: Serialize, T: Serialize>(
    bar: indicatif::ProgressBar,
    out: Vec<BulkItem<I, T>>,
    name: impl Fn(&I) -> String,
    format: Format,
) -> Result<(), Error> {
    let machine = format != Format::Table;
    bar.finish_and_clear();
    let mut first = None;
    let mut rows = Vec::new();
    for o in &out {
        match &o.result {
            Ok(v) => rows.push(serde_json::json!({"item": o.item, "ok": true, "value": v})),
            Err(e) => {
                eprintln!("failed: {}: error ({}): {e}", name(&o.item), e.kind());
                first.get_or_insert(e.kind());
                rows.push(serde_json::json!({"item": o.item, "ok": false, "error": e.info()}));
            }
        }
    }
    let failed = rows.iter().filter(|r| r["ok"] == false).count();
    // Always, on stderr: a run that prints nothing else still says how it ended.
    eprintln!("{} succeeded, {failed} failed.", out.len() - failed);
    if machine {
        print(&rows, format);
    }
    match first {
        None => Ok(()),
        Some(kind) => std::process::exit(i32::from(exit_code(kind))),
    }
}
