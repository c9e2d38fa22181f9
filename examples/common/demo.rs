//! The demo signals' texts, shared by the benchmarks: realistic Dutch
//! titles and descriptions to fill a tenant with.

#[derive(serde::Deserialize)]
pub struct Demo {
    pub signal: Vec<DemoSignal>,
}

#[derive(serde::Deserialize)]
pub struct DemoSignal {
    pub title: String,
    pub description: String,
}

impl Demo {
    pub fn load() -> anyhow::Result<Demo> {
        Ok(toml::from_str(include_str!("../../src/demo/data.toml"))?)
    }
}
