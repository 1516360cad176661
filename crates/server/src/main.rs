use std::process::ExitCode;

use clap::Parser;
use gazette_server::cli::{Cli, Command};
use gazette_server::{moderators, serve, shutdown_signal, App};

#[tokio::main]
async fn main() -> ExitCode {
    let mut cli = Cli::parse();
    if let Some(Command::Moderators { action }) = cli.command.take() {
        return match moderators::run(action, std::io::stdin().lock()) {
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
    let app = match tokio::task::spawn_blocking(move || App::open(config)).await {
        Ok(Ok(app)) => app,
        Ok(Err(e)) => {
            eprintln!("gazette-server: {e}");
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("gazette-server: start-up failed: {e}");
            return ExitCode::FAILURE;
        }
    };
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
}
