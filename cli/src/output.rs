//! Printing results as JSON (default) or a table, and errors on stderr with an exit code per
//! error kind.

use std::io::Write;

use futures_util::{Stream, StreamExt};
use sendgrid_admin::{Error, ErrorKind};
use serde::Serialize;
use serde_json::Value;

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Pretty JSON on stdout.
    Json,
    /// An aligned table (objects and lists of objects).
    Table,
    /// YAML.
    Yaml,
}

/// The exit code of each error kind (0 is success, 2 a usage error from the argument parser).
pub fn exit_code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::InvalidInput => 3,
        ErrorKind::Unauthorized => 4,
        ErrorKind::Forbidden => 5,
        ErrorKind::NotFound => 6,
        ErrorKind::BadRequest => 7,
        ErrorKind::RateLimited => 8,
        ErrorKind::Server => 9,
        ErrorKind::Timeout => 10,
        ErrorKind::Transport => 11,
        ErrorKind::Decode => 12,
        ErrorKind::Conflict => 13,
        ErrorKind::NotApplied => 14,
        // The shell's code for an interrupted command.
        ErrorKind::Cancelled => 130,
    }
}

/// Prints an error on stderr: its kind, message, and SendGrid's details.
pub fn print_error(e: &Error) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error ({}): {e}", e.kind());
    if let Some(id) = e.request_id() {
        let _ = writeln!(err, "  request id: {id}");
    }
    if let Some(wait) = e.retry_after() {
        let _ = writeln!(err, "  retry after: {} s", wait.as_secs());
    }
}

/// Prints one result.
pub fn print<T: Serialize>(value: &T, format: Format) {
    let v = serde_json::to_value(value).unwrap_or(Value::Null);
    let text = match format {
        Format::Json => serde_json::to_string_pretty(&v).unwrap_or_default(),
        Format::Table => table(&v),
        Format::Yaml => serde_norway::to_string(&v)
            .unwrap_or_default()
            .trim_end()
            .to_string(),
    };
    println!("{text}");
}

/// Prints every item of a stream; in JSON mode one at a time, so memory stays flat.
pub async fn print_stream<T, S>(mut items: S, format: Format) -> Result<(), Error>
where
    T: Serialize,
    S: Stream<Item = Result<T, Error>> + Unpin,
{
    if format == Format::Yaml {
        // One list entry at a time, so memory stays flat.
        let mut out = std::io::stdout().lock();
        let mut any = false;
        while let Some(item) = items.next().await {
            let v = serde_json::to_value(item?).unwrap_or(Value::Null);
            let _ = write!(out, "{}", serde_norway::to_string(&[v]).unwrap_or_default());
            any = true;
        }
        if !any {
            let _ = writeln!(out, "[]");
        }
        return Ok(());
    }
    if format == Format::Table {
        let mut all = Vec::new();
        while let Some(item) = items.next().await {
            all.push(serde_json::to_value(item?).unwrap_or(Value::Null));
        }
        println!("{}", table(&Value::Array(all)));
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    let _ = write!(out, "[");
    let mut first = true;
    let mut result = Ok(());
    while let Some(item) = items.next().await {
        match item {
            Ok(v) => {
                let sep = if first { "\n  " } else { ",\n  " };
                first = false;
                let _ = write!(
                    out,
                    "{sep}{}",
                    serde_json::to_string(&v).unwrap_or_default()
                );
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    let _ = writeln!(out, "{}]", if first { "" } else { "\n" });
    result
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Renders objects or lists of objects as aligned columns (columns in first-seen key order).
pub fn table(v: &Value) -> String {
    let rows: Vec<&serde_json::Map<String, Value>> = match v {
        Value::Array(a) => a.iter().filter_map(Value::as_object).collect(),
        Value::Object(o) => vec![o],
        other => return cell(other),
    };
    if rows.is_empty() {
        return "(none)".into();
    }
    let mut cols: Vec<&String> = Vec::new();
    for r in &rows {
        for k in r.keys() {
            if !cols.contains(&k) {
                cols.push(k);
            }
        }
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            cols.iter()
                .map(|c| cell(r.get(*c).unwrap_or(&Value::Null)))
                .collect()
        })
        .collect();
    let widths: Vec<usize> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            cells
                .iter()
                .map(|r| r[i].chars().count())
                .chain([c.len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |vals: Vec<String>| {
        vals.iter()
            .zip(&widths)
            .map(|(v, w)| format!("{v:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = vec![line(cols.iter().map(|c| c.to_uppercase()).collect())];
    out.extend(cells.into_iter().map(line));
    out.join("\n")
}
