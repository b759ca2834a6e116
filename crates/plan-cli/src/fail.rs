//! How a command ends badly: an exit code and a message for the terminal.

/// A command that could not finish. Exit code 1: the data is invalid (or the
/// request was refused); 2: usage or I/O problems.
#[derive(Debug)]
pub struct Fail {
    /// Process exit code.
    pub code: u8,
    /// What went wrong and what to do, in the user's language.
    pub message: String,
}

impl Fail {
    /// The data is invalid or the request is refused (exit 1).
    pub fn invalid(message: impl Into<String>) -> Self {
        Self { code: 1, message: message.into() }
    }

    /// Files cannot be read or written, or the command is misused (exit 2).
    pub fn io(message: impl Into<String>) -> Self {
        Self { code: 2, message: message.into() }
    }
}
