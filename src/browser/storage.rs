//! localStorage. Storage refused (private mode, a full quota) is not an
//! error: reads answer `None` and writes are dropped. The keys are
//! `gazette_model::storage_keys`.

use super::window;

fn local_storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// A value kept in localStorage; `None` when absent or storage is refused.
pub fn stored(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Keeps a value in localStorage.
pub fn store(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Forgets a value kept in localStorage.
pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
