use std::process::ExitCode;

use clap::Parser;
use gazette_server::cli::{Cli, Command};
use gazette_server::{backup, migrate, moderators, serve, shutdown_signal, App};

/// Not `#[tokio::main]`: the commands and the database's opening block
/// (PostgreSQL's client runs its own runtime), so they run before the
/// server's runtime starts.
fn main() -> ExitCode {
    let mut cli = Cli::parse();
    let command = match cli.command.take() {
        Some(Command::Moderators { action }) => {
            Some(moderators::run(action, std::io::stdin().lock()))
        }
        Some(Command::Migrate { from, to }) => Some(migrate::run(&from, &to)),
        Some(Command::Backup { db, to }) => Some(backup::run(&db, &to)),
        None => None,
    };
    if let Some(outcome) = command {
        return match outcome {
            Ok(message) => {
                println!("{message}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("gazette-server: {message}");
                ExitCode::FAILURE
            }
        };
    }
    let (addr, config) = match cli.into_config() {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("gazette-server: {message}");
            return ExitCode::from(2);
        }
    };
    let app = match App::open(config) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("gazette-server: {e}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("gazette-server: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(addr).await {
            Ok(listener) => listener,
            Err(e) => {
                eprintln!("gazette-server: cannot listen on {addr}: {e}");
                return ExitCode::FAILURE;
            }
        };
        match listener.local_addr() {
            Ok(local) => println!("Gazette on http://{local}/"),
            Err(_) => println!("Gazette on http://{addr}/"),
        }
        if let Err(e) = serve(app, listener, shutdown_signal()).await {
            eprintln!("gazette-server: {e}");
            return ExitCode::FAILURE;
        }
        eprintln!("Gazette stopped");
        ExitCode::SUCCESS
    })
}
