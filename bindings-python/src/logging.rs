//! The core's `tracing` events (each attempt, retry and pacing wait; never the key) reach
//! Python's `logging` under the `sendgrid_admin` logger, through pyo3-log: the events become
//! `log` records (tracing's `log` feature) and pyo3-log hands them to the logger named after
//! their module (`sendgrid_admin.transport`, …). Levels are cached per logger, so a disabled
//! level costs no GIL; after changing levels at run time, call `reset_logging_cache()`.

use std::sync::OnceLock;

use pyo3::prelude::*;

static RESET: OnceLock<pyo3_log::ResetHandle> = OnceLock::new();

/// Forgets the cached logger levels: call it after changing the level of the `sendgrid_admin`
/// loggers (or their handlers' parents) while the program runs.
#[pyfunction]
pub fn reset_logging_cache() {
    if let Some(r) = RESET.get() {
        r.reset();
    }
}

/// The loggers and levels `SENDGRID_ADMIN_LOG`'s value asks for, as (logger name, `logging`
/// level): the core's rule (`sendgrid_admin::log::parse`), so the Python package reads the
/// variable as the Node package does. Raises `InvalidInputError` for a value it cannot read.
#[pyfunction]
#[pyo3(signature = (spec: "str") -> "list[tuple[str, int]]")]
pub fn log_levels(spec: &str) -> PyResult<Vec<(String, u32)>> {
    use sendgrid_admin::log::LogLevel;
    let directives = sendgrid_admin::log::parse(spec).map_err(crate::errors::to_py_err)?;
    Ok(directives
        .into_iter()
        .map(|d| {
            let level = match d.level {
                LogLevel::Off => 51, // above CRITICAL: nothing
                LogLevel::Error => 40,
                LogLevel::Warn => 30,
                LogLevel::Info => 20,
                LogLevel::Debug => 10,
                LogLevel::Trace => 5,
            };
            (d.target.replace("::", "."), level)
        })
        .collect())
}

/// Installs the bridge (once per process).
pub fn install(py: Python<'_>) -> PyResult<()> {
    if RESET.get().is_none() {
        // Debug and above (pyo3-log's default filter): the core's events are debug or info.
        let logger = pyo3_log::Logger::new(py, pyo3_log::Caching::LoggersAndLevels)?;
        if let Ok(handle) = logger.install() {
            let _ = RESET.set(handle);
        }
    }
    Ok(())
}
