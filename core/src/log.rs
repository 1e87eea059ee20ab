//! `SENDGRID_ADMIN_LOG`: which of the core's events a package shows, read by one rule for every
//! language (the Node package hands the directives to `tracing-subscriber`, the Python package
//! sets its loggers' levels from them).

use crate::error::{Error, Result};

/// The environment variable the Node and Python packages read when they load.
pub const LOG_ENV: &str = "SENDGRID_ADMIN_LOG";

/// How much of the core's events to show, from nothing to everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogLevel {
    /// Nothing.
    Off,
    /// Errors only.
    Error,
    /// Warnings and errors.
    Warn,
    /// Information (a retry, a pacing wait) and above.
    Info,
    /// Each attempt and answer, and above.
    Debug,
    /// Everything.
    Trace,
}

impl LogLevel {
    /// Its name in a `tracing` filter.
    pub fn as_str(self) -> &'static str {
        match self {
            LogLevel::Off => "off",
            LogLevel::Error => "error",
            LogLevel::Warn => "warn",
            LogLevel::Info => "info",
            LogLevel::Debug => "debug",
            LogLevel::Trace => "trace",
        }
    }

    fn parse(s: &str) -> Option<LogLevel> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "off" => LogLevel::Off,
            "error" => LogLevel::Error,
            "warn" | "warning" => LogLevel::Warn,
            "info" => LogLevel::Info,
            "debug" => LogLevel::Debug,
            "trace" => LogLevel::Trace,
            _ => return None,
        })
    }
}

/// One part of the value: the events of `target` (a module path, `sendgrid_admin` for all of
/// the core's, `sendgrid_admin::transport` for its attempts) at `level` or more severe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogDirective {
    /// A module path.
    pub target: String,
    /// The most verbose level shown.
    pub level: LogLevel,
}

/// Reads the value: a level for the whole core (`debug`; `off`, `error`, `warn` or `warning`,
/// `info`, `debug`, `trace`, in any case), or comma-separated `target=level` directives
/// (`sendgrid_admin::transport=debug,sendgrid_admin=warn`). An empty value is no directive;
/// anything else is an `invalid_input` naming `SENDGRID_ADMIN_LOG` and the part it could not read.
pub fn parse(spec: &str) -> Result<Vec<LogDirective>> {
    let mut out = Vec::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (target, level) = match part.split_once('=') {
            Some((t, l)) => (t.trim(), l),
            None => ("sendgrid_admin", part),
        };
        let valid_target = !target.is_empty()
            && target.split("::").all(|seg| {
                !seg.is_empty() && seg.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            });
        let level = LogLevel::parse(level)
            .filter(|_| valid_target)
            .ok_or_else(|| {
                Error::invalid(
                    LOG_ENV,
                    format!(
                    "cannot read {part:?}: give a level (off, error, warn, info, debug, trace) \
                     or target=level directives such as sendgrid_admin::transport=debug"
                ),
                )
            })?;
        out.push(LogDirective {
            target: target.to_string(),
            level,
        });
    }
    Ok(out)
}

/// The directives as a `tracing` filter: `sendgrid_admin::transport=debug,sendgrid_admin=warn`.
pub fn filter(directives: &[LogDirective]) -> String {
    directives
        .iter()
        .map(|d| format!("{}={}", d.target, d.level.as_str()))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(target: &str, level: LogLevel) -> LogDirective {
        LogDirective {
            target: target.into(),
            level,
        }
    }

    #[test]
    fn a_level_is_the_whole_core() {
        assert_eq!(
            parse("DEBUG").unwrap(),
            vec![d("sendgrid_admin", LogLevel::Debug)]
        );
        assert_eq!(
            parse("warning").unwrap(),
            vec![d("sendgrid_admin", LogLevel::Warn)]
        );
        assert_eq!(parse("  ").unwrap(), vec![]);
    }

    #[test]
    fn directives_name_their_targets() {
        let v = parse("sendgrid_admin::transport=debug, sendgrid_admin=warn").unwrap();
        assert_eq!(
            v,
            vec![
                d("sendgrid_admin::transport", LogLevel::Debug),
                d("sendgrid_admin", LogLevel::Warn)
            ]
        );
        assert_eq!(
            filter(&v),
            "sendgrid_admin::transport=debug,sendgrid_admin=warn"
        );
    }

    #[test]
    fn anything_else_is_refused_naming_the_variable_and_the_part() {
        for bad in [
            "verbose",
            "sendgrid_admin=loud",
            "=debug",
            "a b=debug",
            "x::=info",
        ] {
            let e = parse(bad).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::InvalidInput, "{bad}");
            assert!(e.to_string().contains(LOG_ENV), "{e}");
        }
    }
}
