//! `klik` subcommands.

use clap::{Parser, Subcommand};

/// Klik, the software of a buddy programme.
///
/// Configuration comes from environment variables (or a `.env` file): DATABASE_URL,
/// KLIK_ADDR, KLIK_PUBLIC_URL, KLIK_PROGRAMME_NAME, KLIK_TIME_ZONE, KLIK_LOG_FORMAT, KLIK_DB_MAX_CONNECTIONS,
/// RUST_LOG. See the README for their defaults.
#[derive(Debug, Parser)]
#[command(name = "klik", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum Command {
    /// Start the web server (the default): migrates the database first.
    Serve,
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Create an admin account. The password is read from the first line of standard input
    /// (so it stays out of the shell history), e.g. `klik create-admin --email a@b.be
    /// --name "An Peeters" < password.txt`.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Fill a new, empty database with a fictional programme to try Klik out, and print one
    /// account per role with a random password.
    Demo {
        /// Do nothing (and succeed) when the database is in use already.
        #[arg(long)]
        if_empty: bool,
        /// How many participants (most of them waiting): a bigger programme for measuring.
        #[arg(long, default_value_t = 72, value_parser = clap::value_parser!(u32).range(1..=20_000))]
        participants: u32,
        /// Buddies in every state, times this (26 buddies at 1).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100))]
        buddy_scale: u32,
    },
    /// Copy the SQLite database into a new FILE while Klik runs (a consistent snapshot), and
    /// check the copy. For PostgreSQL use pg_dump.
    Backup {
        /// The new file; an existing file is never overwritten.
        file: std::path::PathBuf,
    },
    /// Put a backup FILE in place of the SQLite database, once every `klik serve` on it has
    /// stopped; the file is checked first.
    Restore { file: std::path::PathBuf },
    /// How often the wait estimate held: replays it at the start of each past month with only
    /// what was known then, and prints per month how often the real wait fell inside the 80%
    /// range and below the median (the figure the waiting list shows).
    Backtest {
        /// How many past months to replay.
        #[arg(long, default_value_t = 24, value_parser = clap::value_parser!(u32).range(1..=120))]
        months: u32,
        /// Simulation runs per estimate (the waiting list uses 500).
        #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u32).range(10..=100_000))]
        runs: u32,
    },
}

impl Cli {
    pub fn command(&self) -> &Command {
        self.command.as_ref().unwrap_or(&Command::Serve)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serve_is_the_default() {
        let cli = Cli::try_parse_from(["klik"]).unwrap();
        assert_eq!(cli.command(), &Command::Serve);
        let cli = Cli::try_parse_from(["klik", "migrate"]).unwrap();
        assert_eq!(cli.command(), &Command::Migrate);
        assert!(Cli::try_parse_from(["klik", "dance"]).is_err());
        let cli =
            Cli::try_parse_from(["klik", "create-admin", "--email", "a@b.be", "--name", "An"])
                .unwrap();
        assert_eq!(
            cli.command(),
            &Command::CreateAdmin {
                email: "a@b.be".into(),
                name: "An".into()
            }
        );
        assert!(Cli::try_parse_from(["klik", "create-admin", "--email", "a@b.be"]).is_err());
    }
}
