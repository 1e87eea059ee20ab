//! A real `redis-server` (Debian's package) on a free loopback port, for the tests and
//! benchmarks of the shared rate-limit store; stopped when dropped.

use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `redis-server` without persistence.
pub struct RedisServer {
    child: Child,
    url: String,
}

impl RedisServer {
    /// Starts one and waits until it accepts connections.
    pub fn start() -> Result<RedisServer, String> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .map_err(|e| format!("no free port: {e}"))?;
        let mut child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("redis-server (Debian: apt-get install redis-server): {e}"))?;
        for _ in 0..200 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                let url = format!("redis://127.0.0.1:{port}/0");
                return Ok(RedisServer { child, url });
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = child.kill();
        let _ = child.wait();
        Err("redis-server did not start".into())
    }

    /// `redis://127.0.0.1:<port>/0`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Stops it now (as an outage would).
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
}
