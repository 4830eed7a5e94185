//! Reading a file that editors or IT wrote, without ever waiting on it: only regular files are
//! read, opened so that a named pipe or a device cannot block the open, and never more than a
//! limit.

use std::fs::{File, OpenOptions};
use std::io::Read as _;
use std::os::unix::fs::{FileTypeExt as _, OpenOptionsExt as _};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadFileError {
    /// It is a named pipe, a device, a socket or a folder: reading it could wait for ever.
    #[error("it is {0}, not a regular file; only regular files are read")]
    NotRegular(&'static str),
    /// It is larger than the limit.
    #[error("the file is {len} bytes; at most {limit} bytes are read")]
    TooLarge {
        /// Its size.
        len: u64,
        /// The limit.
        limit: u64,
    },
    /// The system refused.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// What a symbolic link is called when it is refused.
pub const A_LINK: &str = "a symbolic link";

/// The bytes of the regular file at `path` (following links), at most `limit` of them.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFileError> {
    let (file, len) = open_sized(path, libc::O_NONBLOCK)?;
    read_sized(&file, len, limit)
}

/// The bytes of the regular file at `path`, at most `limit` of them; a symbolic link is refused
/// ([`A_LINK`]), never followed (a signature must be the file beside the topic, not one
/// elsewhere).
pub fn read_regular_file_here(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFileError> {
    let (file, len) = match open_sized(path, libc::O_NONBLOCK | libc::O_NOFOLLOW) {
        // The one way `O_NOFOLLOW` fails: the file itself is a link.
        Err(ReadFileError::Io(error)) if error.raw_os_error() == Some(libc::ELOOP) => {
            return Err(ReadFileError::NotRegular(A_LINK));
        }
        opened => opened?,
    };
    read_sized(&file, len, limit)
}

/// The bytes of an open file, at most `limit` of them.
pub fn read_at_most(file: &File, limit: u64) -> Result<Vec<u8>, ReadFileError> {
    read_sized(file, file.metadata()?.len(), limit)
}

/// The bytes of an open regular file of `len` bytes when opened, at most `limit` of them: as
/// many as it had then, read into room for all of them — one read for a topic file, as `grep`
/// does, where asking until the end was said took three (strace, 13,334 files). A file written
/// while it is read is read again when the watch sees the write.
fn read_sized(file: &File, len: u64, limit: u64) -> Result<Vec<u8>, ReadFileError> {
    if len > limit {
        return Err(ReadFileError::TooLarge { len, limit });
    }
    let mut bytes = vec![0; usize::try_from(len).unwrap_or(0)];
    let mut filled = 0;
    // Not `read_to_end`: it asks for at most 8 KiB at first, two reads for most topic files.
    while filled < bytes.len() {
        match (&*file).read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error.into()),
        }
    }
    bytes.truncate(filled);
    Ok(bytes)
}

/// Opens `path` for reading if it is a regular file. `O_NONBLOCK` keeps the open of a named
/// pipe from waiting for a writer; the type is checked on the open file, so the file cannot
/// be swapped between the check and the read.
pub fn open_regular(path: &Path) -> Result<File, ReadFileError> {
    Ok(open_sized(path, libc::O_NONBLOCK)?.0)
}

/// Opens `path` with `flags` if it is a regular file: the file, and its size when opened.
fn open_sized(path: &Path, flags: i32) -> Result<(File, u64), ReadFileError> {
    let file = OpenOptions::new().read(true).custom_flags(flags).open(path)?;
    let meta = file.metadata()?;
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok((file, meta.len()));
    }
    Err(ReadFileError::NotRegular(if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_dir() {
        "a folder"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "not a plain file"
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_pipe_is_refused_at_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("pipe.en.toml");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
        let error = read_regular_file(&fifo, 10).expect_err("a pipe is not read");
        assert_eq!(error.to_string(), "it is a named pipe, not a regular file; only regular files are read");
    }

    #[test]
    fn a_file_past_the_limit_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.toml");
        std::fs::write(&path, [b'x'; 11]).expect("write");
        assert!(matches!(read_regular_file(&path, 10), Err(ReadFileError::TooLarge { len: 11, limit: 10 })));
        assert_eq!(read_regular_file(&path, 11).expect("read").len(), 11);
    }
}
