//! `gazette-server migrate --from ./gazette.db --to postgres://…`: copies a
//! site into an empty database (`db::copy`) and prints what it counted.

use crate::db::{copy, Db, Location};

/// The report of a verified copy, or why it failed or does not add up.
pub fn run(from: &Location, to: &Location) -> Result<String, String> {
    if from == to {
        return Err("--from and --to name the same database".into());
    }
    let open = |location: &Location| {
        Db::open(location).map_err(|e| format!("cannot open database {location}: {e}"))
    };
    let (source, destination) = (open(from)?, open(to)?);
    let counted = copy::copy(&source, &destination).map_err(|e| e.to_string())?;
    let mut report = format!("copied {from} to {to}\n");
    for c in &counted {
        report.push_str(&format!(
            "{:<12} {:>8} in the source, {:>8} copied\n",
            c.table, c.source, c.copied
        ));
    }
    if let Some(c) = counted.iter().find(|c| c.source != c.copied) {
        return Err(format!("{report}the counts of {} differ", c.table));
    }
    report.push_str("every count matches");
    Ok(report)
}
