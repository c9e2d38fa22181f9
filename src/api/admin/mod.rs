//! Tenant administration (`/{tenant}/beheer/…`): only the hoofdsignaalverwerker.

pub mod people;
pub mod tenant;

/// A checkbox as a form sends it: present ("on") or absent.
pub fn checked(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| !v.is_empty() && v != "false" && v != "off")
}
