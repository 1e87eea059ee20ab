//! `sendgrid-admin export | plan | apply | schema`: the account as a desired-state document.

use std::io::{IsTerminal, Read, Write};

use sendgrid_admin::plan::{schema, Document, ExportItem, Plan, PlanOptions};
use sendgrid_admin::{Client, Error};

use crate::output::{exit_code, print, Format};

/// Where the document is and how to plan it.
#[derive(clap::Args)]
pub struct PlanArgs {
    /// The document: a YAML or JSON file, or `-` for standard input.
    #[arg(short = 'f', long = "file")]
    file: String,
    /// Also delete the subusers and teammates the document does not list.
    #[arg(long)]
    prune: bool,
}

/// `plan`'s arguments.
#[derive(clap::Args)]
pub struct PlanCmd {
    #[command(flatten)]
    plan: PlanArgs,
    /// Drift detection for CI: exit 0 when nothing would change and 2 when something would
    /// (Terraform's `-detailed-exitcode` convention); errors keep their own codes.
    #[arg(long)]
    exit_code: bool,
}

/// The exit code of `plan --exit-code` when the plan has changes.
pub const PLAN_HAS_CHANGES: u8 = 2;

/// `apply`'s arguments.
#[derive(clap::Args)]
pub struct ApplyArgs {
    #[command(flatten)]
    plan: PlanArgs,
    /// Delete without asking (required to delete when standard input is not a terminal).
    #[arg(long)]
    yes: bool,
    /// Changes applied at once.
    #[arg(long, default_value_t = sendgrid_admin::bulk::DEFAULT_CONCURRENCY)]
    concurrency: usize,
}

fn read_document(file: &str) -> Result<Document, Error> {
    let mut text = String::new();
    let read = if file == "-" {
        std::io::stdin().read_to_string(&mut text).map(drop)
    } else {
        std::fs::read_to_string(file).map(|t| text = t)
    };
    read.map_err(|e| Error::invalid("file", format!("cannot read {file}: {e}")))?;
    Document::from_yaml(&text).map_err(|e| match e {
        Error::InvalidInput { reason, .. } => Error::invalid(file, reason),
        e => e,
    })
}

fn write_out(text: &str) -> Result<(), Error> {
    crate::print_bytes(text.as_bytes())
}

/// `export`: YAML (default) streamed item by item, or one JSON document with `--output json`.
pub async fn export(c: &Client, json: bool) -> Result<(), Error> {
    if json {
        print(&c.export().await?, Format::Json);
        return Ok(());
    }
    // Sections in document order; one with no items is written as an empty list.
    const SECTIONS: [&str; 3] = ["subusers", "teammates", "accounts"];
    let mut next = 0;
    let mut out = std::io::stdout().lock();
    let mut write = |s: &str| match out.write_all(s.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::invalid("stdout", format!("could not write: {e}")))
        }
        _ => Ok(()),
    };
    let mut open = |name: &str, write: &mut dyn FnMut(&str) -> Result<(), Error>| {
        while let Some(s) = SECTIONS.get(next).filter(|s| **s != name) {
            write(&format!("{s}: []\n"))?;
            next += 1;
        }
        if SECTIONS.get(next) == Some(&name) {
            write(&format!("{name}:\n"))?;
            next += 1;
        }
        Ok::<(), Error>(())
    };
    let mut current = "";
    c.export_each(|item| {
        let (name, yaml) = match &item {
            ExportItem::Subuser(s) => ("subusers", serde_norway::to_string(&[s])),
            ExportItem::Teammate(t) => ("teammates", serde_norway::to_string(&[t])),
            ExportItem::Account(a) => ("accounts", serde_norway::to_string(&[a])),
        };
        let yaml = yaml.map_err(|e| Error::invalid("export", e.to_string()))?;
        if current != name {
            open(name, &mut write)?;
            current = name;
        }
        write(&yaml)
    })
    .await?;
    open("", &mut write)
}

/// `plan`: the human diff (colour on a terminal), or JSON / YAML with `--output json|yaml`.
/// With `--exit-code`, a plan with changes ends the process with [`PLAN_HAS_CHANGES`].
pub async fn plan(c: &Client, cmd: &PlanCmd, machine: Option<Format>) -> Result<(), Error> {
    let a = &cmd.plan;
    let doc = read_document(&a.file)?;
    let plan = c.plan(&doc, &PlanOptions { prune: a.prune }).await?;
    if let Some(f) = machine {
        print(&plan, f);
    } else {
        write_out(&plan.to_text(std::io::stdout().is_terminal()))?;
    }
    if cmd.exit_code && !plan.is_empty() {
        let _ = std::io::stdout().flush();
        std::process::exit(i32::from(PLAN_HAS_CHANGES));
    }
    Ok(())
}

fn confirm(plan: &Plan, yes: bool) -> Result<bool, Error> {
    let (_, _, deletes) = plan.counts();
    if deletes == 0 || yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::invalid(
            "--yes",
            format!(
                "the plan deletes {deletes} item(s): pass --yes to apply it without a terminal"
            ),
        ));
    }
    eprint!("Delete {deletes} item(s) and apply the plan? [y/N] ");
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|e| Error::invalid("stdin", e.to_string()))?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

/// `apply`: plans, shows the plan, asks before deleting, applies with a progress bar on a
/// terminal, reports each failure on stderr; exit code of the first failure.
pub async fn apply(c: &Client, a: &ApplyArgs, machine: Option<Format>) -> Result<(), Error> {
    let doc = read_document(&a.plan.file)?;
    let plan = c
        .plan(
            &doc,
            &PlanOptions {
                prune: a.plan.prune,
            },
        )
        .await?;
    let colour = std::io::stderr().is_terminal();
    eprint!("{}", plan.to_text(colour));
    if plan.is_empty() {
        if let Some(f) = machine {
            print(&Vec::<serde_json::Value>::new(), f);
        }
        return Ok(());
    }
    if !confirm(&plan, a.yes)? {
        eprintln!("Nothing applied.");
        return Ok(());
    }
    let (bar, options) = crate::bulk::progress(plan.changes.len(), a.concurrency, "changes");
    let outcomes = c.apply(&plan, &options).await;
    bar.finish_and_clear();
    let mut first_failure = None;
    let mut report = Vec::new();
    for o in &outcomes {
        let ch = &o.item;
        let what = format!("{} {}", ch.resource.as_str(), ch.key);
        match &o.result {
            Ok(()) => report.push(serde_json::json!({"change": ch, "ok": true})),
            Err(e) => {
                eprintln!("failed: {what}: error ({}): {e}", e.kind());
                first_failure.get_or_insert(e.kind());
                report.push(serde_json::json!({"change": ch, "ok": false, "error": e.info()}));
            }
        }
    }
    let failed = report.iter().filter(|r| r["ok"] == false).count();
    eprintln!(
        "Applied: {} succeeded, {failed} failed.",
        outcomes.len() - failed
    );
    if let Some(f) = machine {
        print(&report, f);
    }
    match first_failure {
        None => Ok(()),
        Some(kind) => std::process::exit(i32::from(exit_code(kind))),
    }
}

/// `schema`: the document's JSON Schema.
pub fn schema_json() -> Result<(), Error> {
    let text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    write_out(&(text + "\n"))
}
