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

/// The width tables must fit: `COLUMNS` when set, else the terminal's when standard output is
/// one; `None` (no limit) when piped, so scripts get every character.
fn terminal_width() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        return Some(n);
    }
    let term = console::Term::stdout();
    if !term.is_term() {
        return None;
    }
    term.size_checked().map(|(_, cols)| usize::from(cols))
}

/// Narrows the widest columns until the row (with two-space gaps) fits `max`; no column goes
/// below its header's width or 6 characters.
fn fit(widths: &mut [usize], floors: &[usize], max: usize) {
    let gaps = 2 * widths.len().saturating_sub(1);
    while widths.iter().sum::<usize>() + gaps > max {
        let Some((i, _)) = widths
            .iter()
            .enumerate()
            .filter(|(i, w)| **w > floors[*i])
            .max_by_key(|(_, w)| **w)
        else {
            return; // as narrow as it goes
        };
        widths[i] -= 1;
    }
}

/// `s` cut to `w` characters, the last one `…` when anything was cut.
fn clip(s: &str, w: usize) -> String {
    if s.chars().count() <= w {
        return s.to_string();
    }
    let mut out: String = s.chars().take(w.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Renders objects or lists of objects as aligned columns (columns in first-seen key order),
/// fitting the terminal's width (long cells end with `…`).
pub fn table(v: &Value) -> String {
    table_within(v, terminal_width())
}

/// [`table`] within `max` characters per line (`None`: no limit).
pub fn table_within(v: &Value, max: Option<usize>) -> String {
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
    let mut widths: Vec<usize> = cols
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
    if let Some(max) = max {
        let floors: Vec<usize> = cols.iter().map(|c| c.len().max(6)).collect();
        fit(&mut widths, &floors, max);
    }
    let line = |vals: Vec<String>| {
        vals.iter()
            .zip(&widths)
            .map(|(v, w)| format!("{:<w$}", clip(v, *w)))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = vec![line(cols.iter().map(|c| c.to_uppercase()).collect())];
    out.extend(cells.into_iter().map(line));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_fit_the_width_cutting_the_widest_columns() {
        let v = serde_json::json!([
            {"username": "acme", "email": "someone-with-a-very-long-address@example.com", "disabled": false},
            {"username": "globex-international", "email": "ops@globex.example", "disabled": true},
        ]);
        let wide = table_within(&v, None);
        assert!(wide.contains("someone-with-a-very-long-address@example.com"));
        let narrow = table_within(&v, Some(50));
        for line in narrow.lines() {
            assert!(
                line.chars().count() <= 50,
                "{line:?} ({} chars)",
                line.chars().count()
            );
        }
        assert!(narrow.contains('…'), "{narrow}");
        assert!(
            narrow.starts_with("USERNAME"),
            "headers are never cut: {narrow}"
        );
        assert!(narrow.contains("DISABLED"));
    }
}
