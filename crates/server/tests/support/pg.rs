//! A fresh PostgreSQL database per test, on the server `GAZETTE_TEST_PG`
//! names (a URL whose user may create databases). `scripts/test.sh` starts a
//! throwaway cluster and sets it; `scripts/pg-cluster.sh` is the way to
//! start one by hand.

use std::sync::atomic::{AtomicU32, Ordering};

use postgres::{Client, NoTls};

pub struct TestDatabase {
    pub url: String,
    admin: String,
    name: String,
}

static NEXT: AtomicU32 = AtomicU32::new(0);

/// The server's URL with another database name.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (url, String::new()),
    };
    let authority_end = base
        .find("://")
        .map(|i| i + 3)
        .and_then(|start| base[start..].find('/').map(|j| start + j))
        .unwrap_or(base.len());
    format!("{}/{name}{query}", &base[..authority_end])
}

impl TestDatabase {
    /// A new database on `GAZETTE_TEST_PG`, if it is set.
    pub fn from_env() -> Option<TestDatabase> {
        let admin = std::env::var("GAZETTE_TEST_PG")
            .ok()
            .filter(|u| !u.is_empty())?;
        Some(TestDatabase::on(&admin))
    }

    pub fn on(admin: &str) -> TestDatabase {
        let name = format!(
            "gazette_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut client = Client::connect(admin, NoTls)
            .unwrap_or_else(|e| panic!("GAZETTE_TEST_PG={admin}: {e}"));
        for statement in [
            format!("DROP DATABASE IF EXISTS {name}"),
            format!("CREATE DATABASE {name}"),
        ] {
            client
                .batch_execute(&statement)
                .expect("create a test database");
        }
        TestDatabase {
            url: with_database(admin, &name),
            admin: admin.to_owned(),
            name,
        }
    }

    pub fn client(&self) -> Client {
        Client::connect(&self.url, NoTls).expect("connect to the test database")
    }

    /// Every row of every table, as text.
    pub fn dump(&self) -> String {
        let mut client = self.client();
        let tables: Vec<String> = client
            .query(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
                &[],
            )
            .unwrap()
            .iter()
            .map(|row| row.get(0))
            .collect();
        let mut text = String::new();
        for table in tables {
            for row in client
                .query(&format!("SELECT t::text FROM {table} t"), &[])
                .unwrap()
            {
                text.push_str(row.get::<_, &str>(0));
                text.push('\n');
            }
        }
        text
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Ok(mut client) = Client::connect(&self.admin, NoTls) {
            let _ = client.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}
