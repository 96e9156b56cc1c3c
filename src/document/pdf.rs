//! PDF through poppler's `pdftotext -layout`, run as a separate program (its licence stays
//! apart from ours, and a broken PDF cannot take the app down). `-layout` keeps each table row
//! on one line with its columns as runs of spaces. The program gets a time limit and its
//! output a size limit.

use std::io::Read;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::DocumentError;

/// Long enough for a few hundred pages on a slow machine, short enough that a pathological
/// file does not hang the import.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);
/// A plan's text is a few MB at most.
pub const MAX_TEXT_BYTES: usize = 32 * 1024 * 1024;

/// The text of a PDF file, page after page.
pub fn read(path: &Path) -> Result<String, DocumentError> {
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-layout", "-enc", "UTF-8"]).arg(path).arg("-");
    text_of(run_limited(cmd, None, TIME_LIMIT, MAX_TEXT_BYTES)?)
}

/// The text of a PDF held in memory (fed to `pdftotext` on its standard input).
pub fn read_bytes(bytes: &[u8]) -> Result<String, DocumentError> {
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-layout", "-enc", "UTF-8", "-", "-"]);
    text_of(run_limited(
        cmd,
        Some(bytes.to_vec()),
        TIME_LIMIT,
        MAX_TEXT_BYTES,
    )?)
}

fn text_of(run: Finished) -> Result<String, DocumentError> {
    let stderr = String::from_utf8_lossy(&run.stderr);
    if !run.status.success() {
        // pdftotext: exit 1 = cannot open (wrong password included), 3 = copying not allowed.
        if stderr.to_ascii_lowercase().contains("password") || run.status.code() == Some(3) {
            return Err(DocumentError::EncryptedPdf);
        }
        let reason = stderr
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("pdftotext 出错")
            .trim()
            .to_string();
        return Err(DocumentError::BrokenPdf(reason));
    }
    let text = String::from_utf8_lossy(&run.stdout);
    if text.trim().is_empty() {
        return Err(DocumentError::ScannedPdf);
    }
    // Pages are separated by form feeds, read as line breaks; tables whose cells wrap over
    // several lines become one TAB row per table row.
    Ok(crate::import::tables_as_rows(&text))
}

#[derive(Debug)]
pub(crate) struct Finished {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Runs `cmd`, feeding it `input`, and kills it when it runs past `limit` or writes more than
/// `max_out` bytes.
pub(crate) fn run_limited(
    mut cmd: Command,
    input: Option<Vec<u8>>,
    limit: Duration,
    max_out: usize,
) -> Result<Finished, DocumentError> {
    cmd.stdin(if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => DocumentError::PdfToolMissing,
        _ => DocumentError::Io(e),
    })?;
    if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
        // A write error only means the program stopped reading; its exit status tells why.
        std::thread::spawn(move || std::io::Write::write_all(&mut stdin, &bytes));
    }
    let stdout = child.stdout.take().expect("stdout is piped");
    let stderr = child.stderr.take().expect("stderr is piped");
    let over = Arc::new(AtomicBool::new(false));
    let over_seen = over.clone();
    let out = std::thread::spawn(move || {
        let (buf, more) = read_at_most(stdout, max_out);
        over_seen.store(more, Ordering::Release);
        buf
    });
    let err = std::thread::spawn(move || read_at_most(stderr, 64 * 1024).0);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if over.load(Ordering::Acquire) || started.elapsed() > limit {
            let _ = child.kill();
            let status = child.wait()?;
            if started.elapsed() > limit {
                return Err(DocumentError::PdfTimeout {
                    seconds: limit.as_secs(),
                });
            }
            break status;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    if over.load(Ordering::Acquire) {
        return Err(DocumentError::PdfTextTooLarge {
            limit_mb: (max_out / 1024 / 1024) as u64,
        });
    }
    Ok(Finished {
        status,
        stdout,
        stderr,
    })
}

/// Reads up to `max` bytes; true when there was more.
fn read_at_most(r: impl Read, max: usize) -> (Vec<u8>, bool) {
    let mut buf = Vec::new();
    let mut limited = r.take(max as u64 + 1);
    let _ = limited.read_to_end(&mut buf);
    let over = buf.len() > max;
    buf.truncate(max);
    (buf, over)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_over_its_time_is_killed() {
        let mut cmd = Command::new("sleep");
        cmd.arg("30");
        let started = Instant::now();
        let err = run_limited(cmd, None, Duration::from_millis(200), 1024).unwrap_err();
        assert!(matches!(err, DocumentError::PdfTimeout { .. }), "{err:?}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn output_over_the_limit_stops_the_program() {
        let mut cmd = Command::new("yes");
        cmd.arg("指标");
        let err = run_limited(cmd, None, Duration::from_secs(20), 1 << 20).unwrap_err();
        assert!(
            matches!(err, DocumentError::PdfTextTooLarge { .. }),
            "{err:?}"
        );
    }

    #[test]
    fn input_is_fed_and_output_kept() {
        let run = run_limited(
            Command::new("cat"),
            Some("规划".as_bytes().to_vec()),
            Duration::from_secs(20),
            1024,
        )
        .unwrap();
        assert!(run.status.success());
        assert_eq!(run.stdout, "规划".as_bytes());
    }
}
