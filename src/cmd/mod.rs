//! The subcommands, one file each: `Args` (clap) and `run`.

pub mod build;
pub mod check;
pub mod init;
pub mod inspect;
pub mod new;
pub mod serve;

pub mod terminal;

pub use terminal::print_diagnostics;
