//! The clock and fresh random ids.

use super::{is_live, window};

/// Milliseconds since the epoch, for `gazette_model::dates`.
pub fn now_millis() -> f64 {
    if !is_live() {
        return std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    }
    window()
        .and_then(|w| w.performance())
        .map(|p| p.time_origin() + p.now())
        .unwrap_or(0.0)
}

/// A fresh UUID v4 from the browser's cryptographic random numbers (time
/// and counters only where `crypto` is missing, which no supported browser is).
pub fn random_uuid() -> String {
    let mut bytes = [0u8; 16];
    let filled = window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        let seed = (now_millis() * 1000.0) as u128;
        bytes = seed.to_le_bytes();
    }
    gazette_model::draft::uuid_v4(bytes)
}
